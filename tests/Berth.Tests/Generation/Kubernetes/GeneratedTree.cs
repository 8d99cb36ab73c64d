using Berth.Tests.Support;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>berth init run on an example or fixture into a temporary folder: the k8s/ and charts/ trees the tests render.</summary>
public sealed class GeneratedTree : IDisposable
{
    private readonly TempTree _output = new();

    public GeneratedTree(string kind, string app, params string[] extra)
    {
        Source = kind == "example" ? RepoPaths.Example(app) : RepoPaths.Fixture(app);
        Run = BerthCli.Run(["init", Source, "--out", _output.Root, .. extra]);
        Assert.True(Run.ExitCode == 0, Run.Stderr + Run.Stdout);
        Repository = app;
    }

    public string Source { get; }
    public CliRun Run { get; }

    /// <summary>The chart's name and the instance label: the scanned folder's name.</summary>
    public string Repository { get; }

    public string Root => _output.Root;
    public string Chart => Path.Combine(Root, "charts", Repository);
    public string Kustomize(string folder) => Path.Combine(Root, "k8s", folder);

    public void Dispose() => _output.Dispose();

    public static TheoryData<string, string> Apps() => new()
    {
        { "example", "notes-api" },
        { "example", "inventory-service" },
        { "fixture", "shop" },
        { "example", "chat-platform" },
        { "fixture", "migrating-api" },
    };
}
