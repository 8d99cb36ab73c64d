namespace Berth.Generation.Compose;

/// <summary>One app in compose.yaml: how it is built and run, every value derived from the profile's shared part and the image's contract.</summary>
public sealed record ComposeApp
{
    public required string Name { get; init; }
    public required string Context { get; init; }
    public required string Dockerfile { get; init; }

    /// <summary>NAME=value, or NAME alone (taken from the environment compose runs in).</summary>
    public required IReadOnlyList<string> BuildArgs { get; init; }

    public required string User { get; init; }

    /// <summary>127.0.0.1:host:container.</summary>
    public required string Port { get; init; }

    public required IReadOnlyList<string> EnvFiles { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; }
    public required IReadOnlyList<string> DependsOn { get; init; }

    /// <summary>One-shot services that must exit 0 before this app starts (its migration): <c>condition: service_completed_successfully</c>.</summary>
    public IReadOnlyList<string> CompletedFirst { get; init; } = [];

    /// <summary>What the image's HEALTHCHECK asks ("GET /health", "TCP port 8000").</summary>
    public required string Health { get; init; }

    public required IReadOnlyList<string> Tmpfs { get; init; }
    public required int StopGraceSeconds { get; init; }
}

/// <summary>
/// An app's database migration as a one-shot service: the app's own image (the same build), run once with the migration command in
/// place of the server, after the databases it needs are healthy; the app starts only when it has exited 0.
/// </summary>
public sealed record ComposeMigration(string Name, ComposeApp App, IReadOnlyList<string> Command, string Reason);

/// <summary>Everything compose.yaml and its env file say, and why, decided once and rendered by the writers.</summary>
public sealed record ComposePlan(
    IReadOnlyList<ComposeApp> Apps,
    IReadOnlyList<DevService> DevServices,
    IReadOnlyList<KeyValuePair<string, string>> DevServiceUrls,
    IReadOnlyList<string> Decisions)
{
    /// <summary>The apps' migrations, each a one-shot service written right after its app.</summary>
    public IReadOnlyList<ComposeMigration> Migrations { get; init; } = [];

    /// <summary>compose.yaml, and the env file when there are development services.</summary>
    public IReadOnlyList<GeneratedFile> Files()
    {
        var files = new List<GeneratedFile>
        {
            new(ComposeLayout.FileName, ComposeYamlWriter.Write(this), $"{Apps.Count} app{(Apps.Count == 1 ? "" : "s")}, {DevServices.Count} development service{(DevServices.Count == 1 ? "" : "s")}"),
        };
        if (DevServices.Count > 0)
            files.Add(new GeneratedFile(ComposeLayout.EnvFileName, ComposeEnvWriter.Write(this), "placeholder credentials for the development services"));
        return files;
    }
}
