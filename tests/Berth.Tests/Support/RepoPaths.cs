namespace Berth.Tests.Support;

/// <summary>Locates the repository (the folder with Berth.slnx) so tests read fixtures and goldens from the source tree.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(Root, "tests", "Berth.Tests", "Fixtures", "apps", name);

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static string Golden(string name) => Path.Combine(Root, "tests", "Berth.Tests", "Golden", name);

    private static string FindRoot()
    {
        var baked = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "Berth.slnx")))
            return baked;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berth.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Berth.slnx not found above " + AppContext.BaseDirectory);
    }
}
