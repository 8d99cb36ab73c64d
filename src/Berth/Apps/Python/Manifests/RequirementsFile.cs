namespace Berth.Apps.Python.Manifests;

/// <summary>One parsed requirements file: its own requirement lines and its <c>-r</c>/<c>-c</c> includes (resolved paths).</summary>
internal sealed record RequirementsFile(
    string Path,
    IReadOnlyList<PythonRequirement> Requirements,
    IReadOnlyList<RequirementsInclude> Includes)
{
    /// <summary>Lines that install a local folder or archive (<c>-e ./lib</c>, <c>./pkg</c>, <c>file:../wheels/x.whl</c>), as written.</summary>
    public IReadOnlyList<RequirementsLocalPath> LocalPaths { get; init; } = [];
}

/// <summary>A local path requirement as written (options and extras cut), at a line of the requirements file.</summary>
internal sealed record RequirementsLocalPath(string Value, int Line);

/// <summary><c>-r other.txt</c> (IsConstraint false) or <c>-c constraints.txt</c> (true) at a line of the including file.</summary>
internal sealed record RequirementsInclude(string Path, bool IsConstraint, int Line);

/// <summary>Whether a requirements file is meant for production or development, judged by its name.</summary>
internal enum RequirementsFileRole
{
    Unknown,
    Production,
    Development,
}

internal static class RequirementsFileRoles
{
    private static readonly HashSet<string> DevelopmentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "ci", "docs", "doc", "local",
        "debug", "typing", "mypy",
    };

    private static readonly HashSet<string> ProductionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "prod", "production", "base", "main", "common", "core", "runtime", "deploy", "requirements",
    };

    public static bool IsDevelopmentWord(string word) =>
        word.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Any(DevelopmentWords.Contains);

    /// <summary>The word that decided, with the role; ("", Unknown) when the name says nothing.</summary>
    public static (RequirementsFileRole Role, string Word) Classify(string path)
    {
        var name = ScanPath.FileName(path);
        var stem = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        if (stem.Equals("requirements", StringComparison.OrdinalIgnoreCase))
            return (RequirementsFileRole.Production, "requirements");
        var words = stem.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("requirements", StringComparison.OrdinalIgnoreCase) && !w.Equals("reqs", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (words.FirstOrDefault(DevelopmentWords.Contains) is { } dev)
            return (RequirementsFileRole.Development, dev);
        if (words.FirstOrDefault(ProductionWords.Contains) is { } prod)
            return (RequirementsFileRole.Production, prod);
        return (RequirementsFileRole.Unknown, "");
    }

    /// <summary>
    /// Requirement files in a folder: <c>requirements.txt</c>, <c>requirements-*.txt</c>, <c>requirements_*.txt</c>,
    /// <c>*-requirements.txt</c>, <c>requirements/*.txt</c>. Paths relative to the scan root, ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Discover(string scanRoot, string directory)
    {
        var found = new List<string>();
        foreach (var name in ScanPath.FilesIn(scanRoot, directory))
        {
            if (!name.EndsWith(".txt", StringComparison.Ordinal))
                continue;
            if (name == "requirements.txt"
                || name.StartsWith("requirements-", StringComparison.Ordinal)
                || name.StartsWith("requirements_", StringComparison.Ordinal)
                || name.EndsWith("-requirements.txt", StringComparison.Ordinal)
                || name.EndsWith("_requirements.txt", StringComparison.Ordinal))
                found.Add(ScanPath.Join(directory, name));
        }

        var folder = ScanPath.Join(directory, "requirements");
        foreach (var name in ScanPath.FilesIn(scanRoot, folder))
        {
            if (name.EndsWith(".txt", StringComparison.Ordinal))
                found.Add(ScanPath.Join(folder, name));
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
