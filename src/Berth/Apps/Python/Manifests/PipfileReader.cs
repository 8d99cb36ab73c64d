using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>Reads a Pipfile (TOML): package tables take <c>"*"</c>, a PEP 440 specifier, or <c>{ version, extras, markers, git, ref, path }</c>.</summary>
internal static class PipfileReader
{
    public static Pipfile Read(string scanRoot, string path) => Read(TomlDocument.Load(scanRoot, path));

    public static Pipfile Read(TomlDocument document)
    {
        var requires = TomlDocument.Table(document.Root, "requires");
        var key = TomlDocument.String(requires, "python_full_version") is not null ? "python_full_version" : "python_version";
        var version = TomlDocument.String(requires, key);
        return new Pipfile(
            document.Path,
            Packages(document, TomlDocument.Table(document.Root, "packages")),
            Packages(document, TomlDocument.Table(document.Root, "dev-packages")),
            version,
            version is null ? 0 : document.LineOf(requires!, key));
    }

    private static IReadOnlyList<PythonRequirement> Packages(TomlDocument document, TomlTable? table)
    {
        if (table is null)
            return [];
        var requirements = new List<PythonRequirement>();
        foreach (var (rawName, value) in table)
        {
            var line = document.LineOf(table, rawName);
            var name = PythonPackageName.Normalize(rawName);
            switch (value)
            {
                case string specifier:
                    requirements.Add(new PythonRequirement(name, rawName, Specifier(specifier), [], null, document.Path, line));
                    break;
                case TomlTable entry:
                    string? url = null;
                    if (TomlDocument.String(entry, "git") is { } git)
                        url = "git+" + git + (TomlDocument.String(entry, "ref") is { } reference ? "@" + reference : "");
                    else if (TomlDocument.String(entry, "path") is { } path)
                        url = path;
                    else if (TomlDocument.String(entry, "file") is { } file)
                        url = file;
                    requirements.Add(new PythonRequirement(
                        name,
                        rawName,
                        TomlDocument.String(entry, "version") is { } v ? Specifier(v) : null,
                        TomlDocument.Strings(entry, "extras"),
                        TomlDocument.String(entry, "markers"),
                        document.Path,
                        line) { Url = url });
                    break;
            }
        }

        return requirements;
    }

    private static string? Specifier(string text)
    {
        var trimmed = text.Trim();
        return trimmed is "" or "*" ? null : trimmed;
    }
}
