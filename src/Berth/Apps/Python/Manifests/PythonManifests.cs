namespace Berth.Apps.Python.Manifests;

// Contract between the Python manifest readers and the service detector.
// Paths are relative to the scan root with '/' separators ("." for the root itself). Lines are 1-based, 0 = whole file.

public enum PythonPackageManager
{
    Pip,
    Uv,
    Poetry,
    Pdm,
    Pipenv,
}

/// <summary>A PEP 508 requirement. Name is PEP 503-normalised (lower case, runs of -_. → -).</summary>
public sealed record PythonRequirement(
    string Name,
    string RawName,
    string? Specifier,
    IReadOnlyList<string> Extras,
    string? Marker,
    string File,
    int Line)
{
    /// <summary>The direct reference when there is one (<c>name @ https://...</c>, <c>git+https://...#egg=name</c>), else null.</summary>
    public string? Url { get; init; }
}

/// <summary>A package pinned in a lock file. Groups: "main", "dev", ... (poetry category/groups, uv/pdm groups).</summary>
public sealed record LockedPackage(string Name, string Version, IReadOnlyList<string> Groups, string? Marker)
{
    /// <summary>
    /// The file names the lock lists for this version (wheels and sdist), when it lists them (uv.lock <c>wheels</c>/<c>sdist</c>,
    /// poetry.lock <c>files</c>); null when the lock says nothing about files.
    /// </summary>
    public IReadOnlyList<string>? Files { get; init; }
}

/// <summary>Where importable code lives, from pyproject (poetry <c>packages = [{include="x", from="src"}]</c>, setuptools <c>package-dir</c>/<c>where</c>, hatch/pdm src layouts).</summary>
public sealed record PackageRoot(string Directory, string? Package, string File, int Line);

/// <summary>Everything known about how one service's dependencies are declared and installed.</summary>
public sealed record PythonManifests(
    PythonPackageManager PackageManager,
    string ProjectRoot,
    string? ManifestFile,
    string? LockFile,
    IReadOnlyList<string> ProductionRequirementFiles,
    IReadOnlyList<string> DevelopmentRequirementFiles,
    IReadOnlyList<PythonRequirement> Dependencies,
    IReadOnlyList<PythonRequirement> DevDependencies,
    IReadOnlyList<LockedPackage> LockedPackages,
    string? ProjectName,
    IReadOnlyList<PackageRoot> PackageRoots,
    IReadOnlyDictionary<string, string> Scripts,
    string? WorkspaceRoot,
    string? RequiresPython,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>
    /// Files pulled in by <c>-r</c>/<c>-c</c> from the requirement files above (not installed on their own,
    /// but the install needs them next to the including file).
    /// </summary>
    public IReadOnlyList<string> IncludedRequirementFiles { get; init; } = [];

    /// <summary>What the production install reads besides the manifest and the lock (<see cref="InstallInputFinder"/>).</summary>
    public IReadOnlyList<InstallInput> InstallInputs { get; init; } = [];
}

/// <summary>The Python minor to build with ("3.11") and which file said so.</summary>
public sealed record PythonVersionChoice(string Version, string Source, string? File, int Line);

/// <summary>A native library implied by a dependency: what the builder needs to compile it and what the runtime needs to load it.</summary>
public sealed record NativeLibrary(
    string Dependency,
    IReadOnlyList<string> BuildPackages,
    IReadOnlyList<string> RuntimePackages,
    bool BinaryWheel,
    string Reason);
