using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// A parsed TOML file that can say on which line a key was written and where an array item appears.
/// Invalid TOML is an <see cref="InputException"/> at the parser's line.
/// </summary>
internal sealed class TomlDocument
{
    private readonly TomlMetadataStore _metadata;
    private readonly string[] _lines;

    private TomlDocument(string path, TomlTable root, TomlMetadataStore metadata, string text)
    {
        Path = path;
        Root = root;
        _metadata = metadata;
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    public string Path { get; }

    public TomlTable Root { get; }

    public static TomlDocument Load(string scanRoot, string path) => Parse(path, ScanPath.ReadText(scanRoot, path));

    public static TomlDocument Parse(string path, string text)
    {
        var metadata = new TomlMetadataStore();
        var options = new TomlSerializerOptions { MetadataStore = metadata, SourceName = path, TypeInfoResolver = ManifestTomlContext.Default };
        var typeInfo = (TomlTypeInfo<TomlTable>)ManifestTomlContext.Default.GetTypeInfo(typeof(TomlTable), options)!;
        try
        {
            return new TomlDocument(path, TomlSerializer.Deserialize(text, typeInfo) ?? new TomlTable(), metadata, text);
        }
        catch (TomlException e)
        {
            // The converter wraps the parser's exception; the innermost one carries the real position and message.
            var innermost = e;
            while (innermost.InnerException is TomlException inner)
                innermost = inner;
            var first = innermost.Diagnostics?.FirstOrDefault(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
            var line = innermost.Line ?? (first is null ? 0 : first.Span.Start.Line + 1);
            throw new InputException(path, line, $"invalid TOML: {first?.Message ?? innermost.Message}");
        }
    }

    /// <summary>The 1-based line of <paramref name="key"/> inside <paramref name="table"/>, or 0 when unknown.</summary>
    public int LineOf(TomlTable table, string key) =>
        _metadata.TryGetProperties(table, out var properties) && properties is not null && properties.TryGetProperty(key, out var property) && property is not null
            ? property.Span.Start.Line + 1
            : 0;

    /// <summary>
    /// The first line at or after <paramref name="fromLine"/> where the string <paramref name="value"/> is written quoted;
    /// <paramref name="fromLine"/> itself when it cannot be found.
    /// </summary>
    public int LineOfString(string value, int fromLine)
    {
        var start = Math.Max(fromLine, 1);
        string[] needles = ["\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"", "'" + value + "'"];
        for (var i = start - 1; i < _lines.Length; i++)
        {
            foreach (var needle in needles)
            {
                if (_lines[i].Contains(needle, StringComparison.Ordinal))
                    return i + 1;
            }
        }

        return fromLine;
    }

    /// <summary>The first line at or after <paramref name="fromLine"/> that starts with the bare or quoted key, else <paramref name="fromLine"/>.</summary>
    public int LineOfKey(string key, int fromLine)
    {
        for (var i = Math.Max(fromLine, 1) - 1; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimStart();
            if (line.StartsWith(key, StringComparison.Ordinal) || line.StartsWith("\"" + key + "\"", StringComparison.Ordinal))
                return i + 1;
        }

        return fromLine;
    }

    public static TomlTable? Table(TomlTable? table, params string[] keys)
    {
        var current = table;
        foreach (var key in keys)
        {
            if (current is null || !current.TryGetValue(key, out var value) || value is not TomlTable next)
                return null;
            current = next;
        }

        return current;
    }

    public static string? String(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is string text ? text : null;

    public static TomlArray? Array(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is TomlArray array ? array : null;

    public static IEnumerable<TomlTable> Tables(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is TomlTableArray array ? array.OfType<TomlTable>() : [];

    public static IReadOnlyList<string> Strings(TomlTable? table, string key) =>
        Array(table, key)?.OfType<string>().ToList() ?? (String(table, key) is { } single ? [single] : []);
}

/// <summary>Source-generated (AOT-safe) TOML metadata for reading manifests into the untyped <see cref="TomlTable"/> model.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ManifestTomlContext : TomlSerializerContext;
