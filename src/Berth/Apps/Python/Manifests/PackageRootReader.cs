using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Where importable code lives according to pyproject: poetry <c>packages</c>, setuptools <c>package-dir</c>,
/// <c>packages</c> and <c>packages.find.where</c>, hatch wheel <c>packages</c>, pdm <c>build.package-dir</c>,
/// uv build backend <c>module-root</c>; or, when none of these say anything, a <c>src/&lt;pkg&gt;/__init__.py</c> shape.
/// </summary>
internal static class PackageRootReader
{
    public static IReadOnlyList<PackageRoot> Read(TomlDocument document)
    {
        var directory = ScanPath.DirectoryOf(document.Path);
        var roots = new List<PackageRoot>();
        var tool = TomlDocument.Table(document.Root, "tool");

        var poetry = TomlDocument.Table(tool, "poetry");
        if (TomlDocument.Array(poetry, "packages") is { } poetryPackages)
        {
            var cursor = document.LineOf(poetry!, "packages");
            foreach (var entry in poetryPackages.OfType<TomlTable>())
            {
                if (TomlDocument.String(entry, "include") is not { } include)
                    continue;
                cursor = document.LineOfString(include, cursor);
                var from = TomlDocument.String(entry, "from");
                roots.Add(new PackageRoot(Under(directory, from), include, document.Path, cursor));
            }
        }

        var setuptools = TomlDocument.Table(tool, "setuptools");
        var baseDirectory = directory;
        if (TomlDocument.Table(setuptools, "package-dir") is { } packageDir)
        {
            var line = document.LineOf(setuptools!, "package-dir");
            foreach (var (package, value) in packageDir)
            {
                if (value is not string mapped)
                    continue;
                if (package.Length == 0)
                {
                    baseDirectory = Under(directory, mapped);
                    roots.Add(new PackageRoot(baseDirectory, null, document.Path, line));
                }
                else
                {
                    var target = Under(directory, mapped);
                    roots.Add(new PackageRoot(ScanPath.DirectoryOf(target), package, document.Path, line));
                }
            }
        }

        if (TomlDocument.Array(setuptools, "packages") is { } packages)
        {
            var cursor = document.LineOf(setuptools!, "packages");
            foreach (var package in packages.OfType<string>().Where(p => !p.Contains('.', StringComparison.Ordinal)))
            {
                cursor = document.LineOfString(package, cursor);
                roots.Add(new PackageRoot(baseDirectory, package, document.Path, cursor));
            }
        }

        var find = TomlDocument.Table(setuptools, "packages", "find");
        foreach (var where in TomlDocument.Strings(find, "where"))
            roots.Add(new PackageRoot(Under(directory, where), null, document.Path, document.LineOf(find!, "where")));

        var wheel = TomlDocument.Table(tool, "hatch", "build", "targets", "wheel");
        if (TomlDocument.Array(wheel, "packages") is { } hatchPackages)
        {
            var cursor = document.LineOf(wheel!, "packages");
            foreach (var package in hatchPackages.OfType<string>())
            {
                cursor = document.LineOfString(package, cursor);
                var full = Under(directory, package);
                roots.Add(new PackageRoot(ScanPath.DirectoryOf(full), ScanPath.FileName(full), document.Path, cursor));
            }
        }

        var pdmBuild = TomlDocument.Table(tool, "pdm", "build");
        if (TomlDocument.String(pdmBuild, "package-dir") is { } pdmDir)
            roots.Add(new PackageRoot(Under(directory, pdmDir), null, document.Path, document.LineOf(pdmBuild!, "package-dir")));

        var uvBackend = TomlDocument.Table(tool, "uv", "build-backend");
        if (TomlDocument.String(uvBackend, "module-root") is { } moduleRoot)
        {
            var moduleName = TomlDocument.String(uvBackend, "module-name");
            roots.Add(new PackageRoot(Under(directory, moduleRoot), moduleName, document.Path, document.LineOf(uvBackend!, "module-root")));
        }

        return roots;
    }

    /// <summary><c>src/&lt;pkg&gt;/__init__.py</c> folders below a project folder, for when the configuration is silent.</summary>
    public static IReadOnlyList<PackageRoot> FromShape(string scanRoot, string projectDirectory)
    {
        var src = ScanPath.Join(projectDirectory, "src");
        var roots = new List<PackageRoot>();
        foreach (var package in ScanPath.DirectoriesIn(scanRoot, src))
        {
            var init = ScanPath.Join(ScanPath.Join(src, package), "__init__.py");
            if (ScanPath.FileExists(scanRoot, init))
                roots.Add(new PackageRoot(src, package, init, 0));
        }

        return roots;
    }

    private static string Under(string directory, string? relative) =>
        string.IsNullOrWhiteSpace(relative) ? directory : ScanPath.TryJoin(directory, relative.Trim()) ?? directory;
}
