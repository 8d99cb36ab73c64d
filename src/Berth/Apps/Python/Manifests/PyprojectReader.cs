using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Reads pyproject.toml: PEP 621 <c>[project]</c>, PEP 735 <c>[dependency-groups]</c>, <c>[tool.poetry]</c>,
/// <c>[tool.pdm]</c>, <c>[tool.uv]</c> (and its workspace), and the package layout settings of
/// setuptools, hatch, pdm and poetry.
/// </summary>
internal static class PyprojectReader
{
    public static Pyproject Read(string scanRoot, string path) => Read(TomlDocument.Load(scanRoot, path));

    public static Pyproject Read(TomlDocument document)
    {
        PyprojectSchema.Check(document);
        var root = document.Root;
        var project = TomlDocument.Table(root, "project");
        var tool = TomlDocument.Table(root, "tool");
        var poetry = TomlDocument.Table(tool, "poetry");
        var pdm = TomlDocument.Table(tool, "pdm");
        var uv = TomlDocument.Table(tool, "uv");

        var name = TomlDocument.String(project, "name");
        var nameLine = project is not null && name is not null ? document.LineOf(project, "name") : 0;
        if (name is null && TomlDocument.String(poetry, "name") is { } poetryName)
        {
            name = poetryName;
            nameLine = document.LineOf(poetry!, "name");
        }

        var requiresPython = TomlDocument.String(project, "requires-python");
        var poetryDependencies = TomlDocument.Table(poetry, "dependencies");
        var poetryPython = TomlDocument.String(poetryDependencies, "python");

        var dev = new List<PythonRequirement>();
        ReadDependencyGroups(document, TomlDocument.Table(root, "dependency-groups"), dev);
        ReadOptionalDevDependencies(document, TomlDocument.Table(project, "optional-dependencies"), dev);
        if (poetry is not null)
        {
            if (TomlDocument.Table(poetry, "dev-dependencies") is { } legacy)
                dev.AddRange(ReadPoetryTable(document, legacy));
            if (TomlDocument.Table(poetry, "group") is { } groups)
            {
                foreach (var (groupName, value) in groups)
                {
                    if (groupName != "main" && value is TomlTable group && TomlDocument.Table(group, "dependencies") is { } deps)
                        dev.AddRange(ReadPoetryTable(document, deps));
                }
            }
        }

        if (TomlDocument.Table(pdm, "dev-dependencies") is { } pdmDev)
            ReadDependencyGroups(document, pdmDev, dev);
        if (uv is not null && TomlDocument.Array(uv, "dev-dependencies") is not null)
            dev.AddRange(ReadPep508Array(document, uv, "dev-dependencies"));

        return new Pyproject(
            document.Path,
            name,
            nameLine,
            requiresPython,
            requiresPython is null ? 0 : document.LineOf(project!, "requires-python"),
            poetryPython,
            poetryPython is null ? 0 : document.LineOf(poetryDependencies!, "python"),
            TomlDocument.Array(project, "dependencies") is not null,
            project is null ? [] : ReadPep508Array(document, project, "dependencies"),
            poetryDependencies is null ? [] : ReadPoetryTable(document, poetryDependencies),
            dev,
            ReadScripts(project, poetry),
            PackageRootReader.Read(document),
            poetry is null ? 0 : document.LineOf(tool!, "poetry"),
            pdm is null ? 0 : document.LineOf(tool!, "pdm"),
            uv is null ? 0 : document.LineOf(tool!, "uv"),
            ReadWorkspace(document, uv));
    }

    private static UvWorkspace? ReadWorkspace(TomlDocument document, TomlTable? uv)
    {
        var workspace = TomlDocument.Table(uv, "workspace");
        if (workspace is null)
            return null;
        var line = document.LineOf(workspace, "members");
        if (line == 0)
            line = document.LineOf(uv!, "workspace");
        return new UvWorkspace(TomlDocument.Strings(workspace, "members"), TomlDocument.Strings(workspace, "exclude"), line);
    }

    private static IReadOnlyDictionary<string, string> ReadScripts(TomlTable? project, TomlTable? poetry)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { TomlDocument.Table(project, "scripts"), TomlDocument.Table(poetry, "scripts") })
        {
            if (table is null)
                continue;
            foreach (var (key, value) in table)
            {
                var target = value switch
                {
                    string text => text,
                    TomlTable entry => TomlDocument.String(entry, "reference") ?? TomlDocument.String(entry, "callable"),
                    _ => null,
                };
                if (target is not null)
                    scripts.TryAdd(key, target);
            }
        }

        return scripts;
    }

    /// <summary>PEP 735 groups (and pdm dev-dependencies, which share the shape): arrays of PEP 508 strings and include-group tables.</summary>
    private static void ReadDependencyGroups(TomlDocument document, TomlTable? groups, List<PythonRequirement> into)
    {
        if (groups is null)
            return;
        foreach (var (group, value) in groups)
        {
            if (value is TomlArray)
                into.AddRange(ReadPep508Array(document, groups, group));
        }
    }

    private static void ReadOptionalDevDependencies(TomlDocument document, TomlTable? optional, List<PythonRequirement> into)
    {
        if (optional is null)
            return;
        foreach (var (extra, value) in optional)
        {
            if (value is TomlArray && RequirementsFileRoles.IsDevelopmentWord(extra))
                into.AddRange(ReadPep508Array(document, optional, extra));
        }
    }

    /// <summary>An array of PEP 508 strings under <paramref name="key"/>, each at the line where it is written.</summary>
    internal static IReadOnlyList<PythonRequirement> ReadPep508Array(TomlDocument document, TomlTable table, string key)
    {
        var array = TomlDocument.Array(table, key);
        if (array is null)
            return [];
        var cursor = document.LineOf(table, key);
        var requirements = new List<PythonRequirement>();
        foreach (var item in array)
        {
            if (item is not string text)
                continue; // {include-group = "..."} and other tables
            var line = document.LineOfString(text, cursor);
            cursor = line;
            try
            {
                requirements.Add(Pep508Parser.Parse(text).At(document.Path, line));
            }
            catch (FormatException e)
            {
                throw new InputException(document.Path, line, $"'{QuotedInput.Of(text)}' in {key} is not a valid requirement: {QuotedInput.Of(e.Message)}");
            }
        }

        return requirements;
    }

    /// <summary>
    /// Poetry's dependency tables: <c>name = "^1.2"</c>, <c>name = { version, extras, markers, optional, git, path, url }</c>,
    /// or an array of such tables. <c>python</c> is the interpreter constraint, not a package; optional ones are extras.
    /// </summary>
    internal static IReadOnlyList<PythonRequirement> ReadPoetryTable(TomlDocument document, TomlTable table)
    {
        var requirements = new List<PythonRequirement>();
        foreach (var (rawName, value) in table)
        {
            if (rawName.Equals("python", StringComparison.OrdinalIgnoreCase))
                continue;
            var line = document.LineOf(table, rawName);
            IEnumerable<object> entries = value is TomlArray array ? array.OfType<object>() : [value];
            foreach (var entry in entries)
            {
                if (ToRequirement(rawName, entry, document.Path, line) is { } requirement)
                    requirements.Add(requirement);
            }
        }

        return requirements;
    }

    private static PythonRequirement? ToRequirement(string rawName, object value, string file, int line)
    {
        var name = PythonPackageName.Normalize(rawName);
        switch (value)
        {
            case string constraint:
                return new PythonRequirement(name, rawName, Constraint(constraint), [], null, file, line);
            case TomlTable entry:
                if (entry.TryGetValue("optional", out var optional) && optional is true)
                    return null;
                var extras = TomlDocument.Strings(entry, "extras");
                var marker = TomlDocument.String(entry, "markers");
                string? url = null;
                if (TomlDocument.String(entry, "git") is { } git)
                {
                    var reference = TomlDocument.String(entry, "rev") ?? TomlDocument.String(entry, "tag") ?? TomlDocument.String(entry, "branch");
                    url = "git+" + git + (reference is null ? "" : "@" + reference);
                }
                else
                {
                    url = TomlDocument.String(entry, "url") ?? TomlDocument.String(entry, "path");
                }

                var version = TomlDocument.String(entry, "version");
                return new PythonRequirement(name, rawName, version is null ? null : Constraint(version), extras, marker, file, line) { Url = url };
            default:
                return null;
        }
    }

    private static string? Constraint(string text)
    {
        var trimmed = text.Trim();
        return trimmed is "" or "*" ? null : trimmed;
    }
}
