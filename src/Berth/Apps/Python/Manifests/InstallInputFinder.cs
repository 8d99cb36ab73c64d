using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Finds every file the dependency install reads besides the manifest and the lock, so the Dockerfile copies exactly those before
/// the install step: the files <c>-r</c>/<c>-c</c> pull in (relative to the including file), local packages (<c>-e ./lib</c>,
/// <c>./pkg</c>, <c>file:</c> URLs, <c>[tool.uv.sources] x = { path = ... }</c>, poetry <c>path =</c> dependencies, PEP 508
/// <c>name @ file:///...</c>), and the readme and license files such a package's build backend reads. A path that leaves the scan
/// root, or an absolute one, is bad input at the line that names it: no build context can hold it.
/// </summary>
internal static class InstallInputFinder
{
    /// <param name="topFolder">The folder pip runs in (the top requirements file's): pip reads local paths relative to its working folder.</param>
    public static IReadOnlyList<InstallInput> FromRequirements(string scanRoot, IReadOnlyList<RequirementsFile> closure, IReadOnlyCollection<string> tops, string topFolder)
    {
        var inputs = new List<InstallInput>();
        foreach (var file in closure)
        {
            foreach (var include in file.Includes.Where(i => !tops.Contains(i.Path)))
                Add(inputs, new InstallInput(include.Path, false, file.Path, include.Line));
            foreach (var local in file.LocalPaths)
                AddPackage(scanRoot, inputs, Resolve(scanRoot, LocalPathOf(local.Value), topFolder, file.Path, local.Line));
        }
        return inputs;
    }

    /// <summary>Local packages a pyproject.toml names: uv path sources, poetry path dependencies, PEP 508 file: URLs.</summary>
    public static IReadOnlyList<InstallInput> FromPyproject(string scanRoot, string pyprojectPath, IEnumerable<PythonRequirement> dependencies)
    {
        var inputs = new List<InstallInput>();
        var document = TomlDocument.Load(scanRoot, pyprojectPath);
        var folder = ScanPath.DirectoryOf(pyprojectPath);
        var tool = TomlDocument.Table(document.Root, "tool");
        var sources = TomlDocument.Table(tool, "uv", "sources");
        var poetry = TomlDocument.Table(tool, "poetry");
        var tables = new List<TomlTable>();
        if (sources is not null)
            tables.Add(sources);
        if (TomlDocument.Table(poetry, "dependencies") is { } main)
            tables.Add(main);
        var groupOnly = GroupOnlyNames(document, dependencies);
        foreach (var table in tables)
        {
            foreach (var (name, value) in table)
            {
                if (table == sources && groupOnly.Contains(PythonPackageName.Normalize(name)))
                    continue; // a source for a package only a dependency group names: the production install never reads it
                var entries = value switch
                {
                    TomlTable one => [one],
                    TomlTableArray many => many.ToList(),
                    TomlArray many => many.OfType<TomlTable>().ToList(),
                    _ => new List<TomlTable>(),
                };
                foreach (var path in entries.Select(e => TomlDocument.String(e, "path")).OfType<string>())
                    AddPackage(scanRoot, inputs, Resolve(scanRoot, path, folder, pyprojectPath, document.LineOf(table, name)));
            }
        }
        foreach (var requirement in dependencies.Where(d => d.Url is { } url && url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
            AddPackage(scanRoot, inputs, Resolve(scanRoot, LocalPathOf(requirement.Url!), folder, requirement.File, requirement.Line));
        return inputs;
    }

    /// <summary>
    /// Packages that only <c>[dependency-groups]</c> name (a PEP 735 group such as <c>netflix = ["internal-plugins"]</c>), not the
    /// production dependencies: the image's install (<c>--no-dev</c>, no <c>--group</c>) never reads their uv sources.
    /// </summary>
    private static HashSet<string> GroupOnlyNames(TomlDocument document, IEnumerable<PythonRequirement> dependencies)
    {
        var production = dependencies.Select(d => PythonPackageName.Normalize(d.Name)).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (TomlDocument.Table(document.Root, "dependency-groups") is not { } groups)
            return names;
        foreach (var (_, value) in groups)
        {
            foreach (var requirement in (value as TomlArray)?.OfType<string>() ?? [])
            {
                var end = 0;
                while (end < requirement.Length && (char.IsAsciiLetterOrDigit(requirement[end]) || requirement[end] is '-' or '_' or '.'))
                    end++;
                if (end > 0 && PythonPackageName.Normalize(requirement[..end]) is var name && !production.Contains(name))
                    names.Add(name);
            }
        }
        return names;
    }

    /// <summary>A local package folder, and the readme and license files its pyproject.toml names outside it.</summary>
    private static void AddPackage(string scanRoot, List<InstallInput> inputs, InstallInput package)
    {
        Add(inputs, package);
        var pyproject = ScanPath.Join(package.Path, "pyproject.toml");
        if (!package.IsFolder || !ScanPath.FileExists(scanRoot, pyproject))
            return;
        var document = TomlDocument.Load(scanRoot, pyproject);
        var project = TomlDocument.Table(document.Root, "project");
        foreach (var key in new[] { "readme", "license" })
        {
            var file = project?.TryGetValue(key, out var value) == true
                ? value switch { string text when key == "readme" => text, TomlTable table => TomlDocument.String(table, "file"), _ => null }
                : null;
            if (file is null)
                continue;
            var input = Resolve(scanRoot, file, package.Path, pyproject, document.LineOf(project!, key));
            if (!RelativePath.IsAtOrBelow(input.Path, package.Path))
                Add(inputs, input);
        }
    }

    private static void Add(List<InstallInput> inputs, InstallInput input)
    {
        if (inputs.All(i => i.Path != input.Path))
            inputs.Add(input);
    }

    /// <summary>The path a local requirement names: extras, <c>#egg=</c> fragments and the <c>file:</c> scheme cut.</summary>
    private static string LocalPathOf(string value)
    {
        var path = value.Split('#')[0].Trim();
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            path = path[7..];
        else if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            path = path[5..];
        foreach (var root in new[] { "${PROJECT_ROOT}/", "{root:uri}/", "{root}/" })
        {
            if (path.StartsWith("/" + root, StringComparison.Ordinal) || path.StartsWith(root, StringComparison.Ordinal))
                path = "./" + path[(path.IndexOf(root, StringComparison.Ordinal) + root.Length)..];
        }
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        return (bracket > 0 ? path[..bracket] : path).TrimEnd('/');
    }

    private static InstallInput Resolve(string scanRoot, string path, string relativeTo, string file, int line)
    {
        if (path.StartsWith('/') || path.StartsWith('~') || path.Length > 1 && path[1] == ':')
            throw new InputException(file, line, $"'{QuotedInput.Of(path)}' is an absolute path: the install reads it, and no build context can hold a file outside the project. Make it relative to the project (and inside it)");
        var resolved = ScanPath.TryJoin(relativeTo, path.Length == 0 ? "." : path)
            ?? throw new InputException(file, line, $"'{QuotedInput.Of(path)}' is outside the scanned folder: the install reads it, and the image's build context cannot reach it. Scan from a folder that holds it");
        if (ScanPath.DirectoryExists(scanRoot, resolved))
            return new InstallInput(resolved, true, file, line);
        if (ScanPath.FileExists(scanRoot, resolved))
            return new InstallInput(resolved, false, file, line);
        throw new InputException(file, line, $"'{QuotedInput.Of(path)}': no such file or folder ({QuotedInput.Of(resolved)}), and the install reads it");
    }
}
