using Berth.Apps.Python.Manifests;
using Berth.Apps.Python.Stated;

namespace Berth.Apps.Python;

/// <summary>
/// The local packages a service's own Dockerfile installs beside its requirements (<see cref="DockerfileLocalInstalls"/>): each is
/// an install input of the service (the image installs it from its folder), its declared dependencies join the service's, and
/// code inside it imports from the package folder (or its src/ layout).
/// </summary>
internal sealed class LocalPackages
{
    private readonly List<(string Folder, PythonManifests? Manifests)> _packages;

    private LocalPackages(PythonManifests manifests, List<(string, PythonManifests?)> packages, IReadOnlyList<InstallInput> installs)
    {
        Manifests = manifests;
        _packages = packages;
        Installs = installs;
    }

    /// <summary>The service's manifests with the packages' folders as install inputs and their dependencies added.</summary>
    public PythonManifests Manifests { get; }

    /// <summary>The package folders (relative to the scan root) with the Dockerfile line that installs each.</summary>
    public IReadOnlyList<InstallInput> Installs { get; }

    /// <summary>The first package's distribution name, for a service whose own requirements name none.</summary>
    public string? ProjectName => _packages.Select(p => p.Manifests?.ProjectName).FirstOrDefault(n => n is not null);

    public static LocalPackages Of(SourceTree tree, IReadOnlyList<LocalPackageInstall> installs, PythonManifests manifests, List<Evidence> evidence)
    {
        var packages = new List<(string, PythonManifests?)>();
        var inputs = new List<InstallInput>();
        var dependencies = manifests.Dependencies.ToList();
        foreach (var install in installs.OrderBy(i => i.PackageFolder, StringComparer.Ordinal))
        {
            evidence.Add(new Evidence($"the repository's Dockerfile installs the local package '{install.PackageFolder}' beside {install.RequirementsFile}: both are this service's", install.File, install.Line));
            var package = PythonManifestReader.Read(tree.Root, install.PackageFolder);
            if (package is not null && package.ProjectRoot != install.PackageFolder)
                package = null; // no manifest of its own after all
            packages.Add((install.PackageFolder, package));
            inputs.Add(new InstallInput(install.PackageFolder, true, install.File, install.Line));
            foreach (var dependency in package?.Dependencies ?? [])
            {
                if (dependencies.All(d => d.Name != dependency.Name))
                    dependencies.Add(dependency);
            }
        }
        var merged = manifests with { Dependencies = dependencies };
        merged = merged with { InstallInputs = [.. manifests.InstallInputs, .. inputs.Where(i => manifests.InstallInputs.All(m => m.Path != i.Path))] };
        return new LocalPackages(merged, packages, inputs);
    }

    /// <summary>The import root (relative to the service folder) for a module inside one of the packages, else null.</summary>
    public string? ImportRootOf(string moduleFile, string servicePath)
    {
        foreach (var (folder, package) in _packages)
        {
            if (!RelativePath.IsAtOrBelow(moduleFile, folder))
                continue;
            var root = folder;
            var declared = package?.PackageRoots
                .Select(r => RelativePath.Join(package.ProjectRoot, r.Directory))
                .FirstOrDefault(d => d != folder && RelativePath.IsAtOrBelow(moduleFile, d));
            if (declared is not null)
                root = declared;
            else if (RelativePath.Under(moduleFile, folder).StartsWith("src/", StringComparison.Ordinal))
                root = RelativePath.Join(folder, "src");
            return RelativePath.Under(root, servicePath);
        }
        return null;
    }
}
