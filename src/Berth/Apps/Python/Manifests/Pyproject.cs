namespace Berth.Apps.Python.Manifests;

/// <summary>What Berth reads out of one pyproject.toml. Lines are 1-based, 0 when the key is absent.</summary>
internal sealed record Pyproject(
    string Path,
    string? ProjectName,
    int ProjectNameLine,
    string? RequiresPython,
    int RequiresPythonLine,
    string? PoetryPython,
    int PoetryPythonLine,
    bool HasProjectDependencies,
    IReadOnlyList<PythonRequirement> ProjectDependencies,
    IReadOnlyList<PythonRequirement> PoetryDependencies,
    IReadOnlyList<PythonRequirement> DevDependencies,
    IReadOnlyDictionary<string, string> Scripts,
    IReadOnlyList<PackageRoot> PackageRoots,
    int PoetryLine,
    int PdmLine,
    int UvLine,
    UvWorkspace? Workspace)
{
    public bool HasPoetry => PoetryLine > 0;

    public bool HasPdm => PdmLine > 0;

    public bool HasUv => UvLine > 0;

    /// <summary>False for a pyproject that only configures tools (ruff, black, pytest): it does not make the folder an installable project.</summary>
    public bool DeclaresProject => ProjectName is not null || HasProjectDependencies || HasPoetry || HasPdm || HasUv || Workspace is not null;

    /// <summary>Production dependencies: PEP 621 <c>[project].dependencies</c>, else <c>[tool.poetry.dependencies]</c>; poetry-only names are added after.</summary>
    public IReadOnlyList<PythonRequirement> Dependencies
    {
        get
        {
            if (!HasProjectDependencies)
                return PoetryDependencies;
            var names = ProjectDependencies.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            return [.. ProjectDependencies, .. PoetryDependencies.Where(d => !names.Contains(d.Name))];
        }
    }
}
