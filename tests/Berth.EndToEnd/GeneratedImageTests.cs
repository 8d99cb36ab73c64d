using System.Diagnostics;
using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Proof;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The proof: for each example and runtime, <c>berth init</c> writes the files, the engine builds them, and the container serves its health
/// routes as a non-root user and stops promptly on SIGTERM. Port and health routes come from <c>berth scan</c>, not from this file.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class GeneratedImageTests
{
    [Theory]
    [InlineData("notes-api", "slim")]
    [InlineData("notes-api", "distroless")]
    [InlineData("inventory-service", "slim")]
    [InlineData("inventory-service", "distroless")]
    public async Task Generated_image_builds_serves_health_as_non_root_and_stops_cleanly(string example, string runtime)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        var app = ExampleApp.Named(example);
        var flavour = RuntimeFlavour.Named(runtime);
        var clock = Stopwatch.StartNew();
        Log($"engine: docker {engine.ServerVersion}");

        using var scratch = TempDirectory.Create($"berth-e2e-{example}-{runtime}-");
        var service = await InitializedService.CreateAsync(app, scratch, ["--runtime", runtime], cancellationToken);
        Assert.True(service.Init.ExitCode == 0, "berth init failed:\n" + service.Init.Describe());
        var missing = InitializedService.GeneratedFileNames.Where(f => !File.Exists(Path.Combine(service.Directory, f))).ToList();
        Assert.True(missing.Count == 0, $"berth init did not write {string.Join(", ", missing)}:\n{service.Init.Describe()}");
        var leaks = service.DotenvLeaks().ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        Log($"init done ({clock.Elapsed.TotalSeconds:F1} s)");

        var (profile, scan) = await ScanRun.SingleServiceAsync(service.Directory, cancellationToken);
        Assert.True(profile.Port is > 0, "scan reported no port:\n" + scan.Describe());
        Assert.True(profile.Health.Count > 0, "scan reported no health route:\n" + scan.Describe());

        var proof = new ServiceProof(engine, Log);
        var request = new ProofRequest(
            ContextDirectory: service.Directory,
            ImageTag: $"berth-e2e-{example}-{runtime}:test",
            ContainerName: $"berth-e2e-{example}-{runtime}",
            Port: profile.Port!.Value,
            Health: profile.Health,
            Runtime: flavour,
            Environment: RunEnvironment(app, profile),
            ForbiddenValues: service.DotenvValues,
            Description: () => service.GeneratedFilesForReport());
        var outcome = await proof.RunAsync(request, cancellationToken);
        Log($"done ({clock.Elapsed.TotalSeconds:F1} s total)");

        outcome.Checks.AssertEmpty(() =>
            $"service {example}, runtime {runtime}, port {request.Port} (from scan)\n{service.GeneratedFilesForReport()}\n--- container logs ---\n{outcome.Logs}");
    }

    /// <summary>
    /// notes-api does not depend on gunicorn: with <c>--server gunicorn</c> Berth adds it at its pinned version, and the image must hold exactly
    /// that version, boot the asked workers and pass the same health, non-root and SIGTERM checks as the default image.
    /// </summary>
    [Fact]
    public async Task A_server_berth_adds_is_installed_at_its_pinned_version_and_serves()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        var app = ExampleApp.NotesApi;
        using var scratch = TempDirectory.Create("berth-e2e-pinned-gunicorn-");
        var service = await InitializedService.CreateAsync(app, scratch, ["--server", "gunicorn", "--workers", "2"], cancellationToken);
        Assert.True(service.Init.ExitCode == 0, "berth init failed:\n" + service.Init.Describe());
        var dockerfile = service.Read("Dockerfile");
        Assert.Contains("\"gunicorn==${GUNICORN_VERSION}\"", dockerfile);
        Assert.Contains("installs gunicorn==", service.Init.StandardOutput);

        var (profile, scan) = await ScanRun.SingleServiceAsync(service.Directory, cancellationToken);
        Assert.True(profile.Port is > 0 && profile.Health.Count > 0, "scan reported no port or health route:\n" + scan.Describe());
        var (buildArguments, versions) = await LocalPackageIndex.ServerPinsAsync(["gunicorn"], Log, cancellationToken);

        var request = new ProofRequest(
            ContextDirectory: service.Directory,
            ImageTag: "berth-e2e-pinned-gunicorn:test",
            ContainerName: "berth-e2e-pinned-gunicorn",
            Port: profile.Port!.Value,
            Health: profile.Health,
            Runtime: RuntimeFlavour.Named("slim"),
            Environment: RunEnvironment(app, profile),
            ForbiddenValues: service.DotenvValues,
            Description: () => service.GeneratedFilesForReport())
        {
            BuildArguments = buildArguments,
            ExpectedVersions = versions,
        };
        var outcome = await new ServiceProof(engine, Log).RunAsync(request, cancellationToken);
        outcome.Checks.AssertEmpty(() => $"notes-api with --server gunicorn\n{service.GeneratedFilesForReport()}\n--- container logs ---\n{outcome.Logs}");
    }

    private static Dictionary<string, string> RunEnvironment(ExampleApp app, ScannedService profile)
    {
        var environment = new Dictionary<string, string>(app.RunEnvironment, StringComparer.Ordinal);
        foreach (var variable in profile.Env.Where(e => e.Required && !environment.ContainsKey(e.Name)))
            environment[variable.Name] = $"e2e-placeholder-{variable.Name.ToLowerInvariant()}";
        return environment;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
