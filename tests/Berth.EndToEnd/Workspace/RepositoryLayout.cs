using System.Reflection;

namespace Berth.EndToEnd.Workspace;

/// <summary>Where the repository (and its examples/) is: BERTH_REPO_ROOT, else the path stamped in at build time, else the nearest Berth.slnx above the test binaries.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string ExamplesDirectory => Path.Combine(Root.Value, "examples");

    /// <summary>Deliberately broken apps that <c>berth verify</c> must fail on the right check.</summary>
    public static string FixturesDirectory => Path.Combine(Root.Value, "tests", "Berth.EndToEnd", "Fixtures");

    public static string VerifyFixturesDirectory => Path.Combine(FixturesDirectory, "verify");

    /// <summary>The unit tests' fixture apps (tests/Berth.Tests/Fixtures/apps): small apps whose generated images some end-to-end tests run.</summary>
    public static string UnitFixturesDirectory => Path.Combine(Root.Value, "tests", "Berth.Tests", "Fixtures", "apps");

    /// <summary>The uv workspace the unit tests scan (root pyproject with members, uv.lock, services/api and libs/common).</summary>
    public static string UvWorkspaceFixtureDirectory => Path.Combine(Root.Value, "tests", "Berth.Tests", "Fixtures", "apps", "uv-workspace");

    /// <summary>A uv stand-in image recipe (the offline testbed has no uv) that records what each <c>uv sync</c> sees.</summary>
    public static string UvStandinDirectory => Path.Combine(Root.Value, "tests", "Berth.EndToEnd", "Fixtures", "uv-standin");

    private static string FindRoot()
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("BERTH_REPO_ROOT"),
            typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "BerthRepositoryRoot")?.Value,
        };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(dir.FullName);
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "Berth.slnx")))
                return candidate;
        }
        throw new InvalidOperationException("cannot find the repository root (Berth.slnx); set BERTH_REPO_ROOT");
    }
}
