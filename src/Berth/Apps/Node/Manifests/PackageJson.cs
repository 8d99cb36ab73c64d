using System.Text;
using System.Text.Json;

namespace Berth.Apps.Node.Manifests;

/// <summary>
/// The parts of a package.json Berth reads, with the line of each key it may cite (<see cref="LineOf"/>: "scripts.build",
/// "dependencies.next", "engines.node"…). A file that is not valid JSON is an input error naming its line.
/// </summary>
public sealed record PackageJson
{
    public required string File { get; init; }
    public string? Name { get; init; }
    public string? Main { get; init; }
    public string? Type { get; init; }
    public string? PackageManager { get; init; }
    public string? EnginesNode { get; init; }
    public string? VoltaNode { get; init; }
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, string> Dependencies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, string> DevDependencies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>workspaces</c> globs (array form or <c>{ packages: [...] }</c>), or null when the file declares none.</summary>
    public IReadOnlyList<string>? Workspaces { get; init; }

    private IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>1-based line of a key path such as "dependencies.express"; 0 when the key is not there.</summary>
    public int LineOf(string keyPath) => Lines.TryGetValue(keyPath, out var line) ? line : 0;

    public bool DependsOn(string name) => Dependencies.ContainsKey(name) || DevDependencies.ContainsKey(name);

    public IEnumerable<string> AllDependencyNames => Dependencies.Keys.Concat(DevDependencies.Keys);

    public static PackageJson Parse(string file, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            throw new InputException(file, line, $"not valid JSON: {Reason(e)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException(file, 1, "package.json must be a JSON object");
            return new PackageJson
            {
                File = file,
                Name = String(root, "name"),
                Main = String(root, "main"),
                Type = String(root, "type"),
                PackageManager = String(root, "packageManager"),
                EnginesNode = root.TryGetProperty("engines", out var engines) && engines.ValueKind == JsonValueKind.Object ? String(engines, "node") : null,
                VoltaNode = root.TryGetProperty("volta", out var volta) && volta.ValueKind == JsonValueKind.Object ? String(volta, "node") : null,
                Scripts = Map(root, "scripts"),
                Dependencies = Map(root, "dependencies"),
                DevDependencies = Map(root, "devDependencies"),
                Workspaces = WorkspaceGlobs(root),
                Lines = KeyLines(text),
            };
        }
    }

    private static string Reason(JsonException e)
    {
        // System.Text.Json's message ends with "LineNumber: 3 | BytePositionInLine: 4."; the location is printed by the caller.
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ') + $" (column {(e.BytePositionInLine ?? 0) + 1})";
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Map(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                    map[property.Name] = property.Value.GetString()!;
            }
        }
        return map;
    }

    private static List<string>? WorkspaceGlobs(JsonElement root)
    {
        if (!root.TryGetProperty("workspaces", out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("packages", out var packages))
            value = packages;
        if (value.ValueKind != JsonValueKind.Array)
            return null;
        return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
    }

    /// <summary>The line of every key up to two levels deep ("scripts", "scripts.build").</summary>
    private static Dictionary<string, int> KeyLines(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                lineStarts.Add(i + 1);
        }
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string?>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString();
                    var depth = path.Count;
                    if (depth is 1 or 2)
                    {
                        var key = depth == 1 ? pending! : path[1] + "." + pending;
                        var line = lineStarts.BinarySearch((int)reader.TokenStartIndex);
                        lines.TryAdd(key, line >= 0 ? line + 1 : ~line);
                    }
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    path.Add(pending);
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                default:
                    pending = null;
                    break;
            }
        }
        return lines;
    }
}
