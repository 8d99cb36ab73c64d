using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;
using CommandResult = Berth.Verification.Engine.CommandResult;

namespace Berth.EndToEnd;

/// <summary>
/// The fastapi-spa and flask-spa fixtures built for real: the backend serves a folder that only the frontend's `vite build` writes.
/// The generated Dockerfile builds the frontend in a Node stage from the common root (the context holds both packages), copies the
/// output to where the app reads it, and the running container serves the built index.html at / and the API's health route, read-only
/// and as the service user. Probed from inside the container (no host port is taken).
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class ServedFrontendImageTests
{
    private static string Probe(string title, string health) =>
        "import urllib.request as u; " +
        "page = u.urlopen('http://127.0.0.1:8000/', timeout=4).read().decode(); " +
        $"health = u.urlopen('http://127.0.0.1:8000{health}', timeout=4).read().decode().strip(); " +
        $"print('<title>{title}</title>' in page, '/assets/' in page, '/src/main.js' in page, health)";

    [Theory]
    [InlineData("fastapi-spa", "backend", "/api/health")] // StaticFiles mount of ../frontend/dist
    [InlineData("flask-spa", ".", "/healthz")] // static_folder app/static, filled by web/'s vite outDir
    public async Task The_backend_image_builds_the_frontend_and_serves_it_at_the_mount_route(string fixture, string service, string health)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-e2e-{fixture}-");
        var repository = Path.Combine(scratch.Path, fixture);
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, fixture), repository);

        var init = await BerthRun.InvokeAsync(["init", repository, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, "berth init failed:\n" + init.Describe());
        var dockerfilePath = Path.Combine(repository, service, "Dockerfile");
        var dockerfile = File.ReadAllText(dockerfilePath);
        Assert.Contains("AS frontend", dockerfile, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(repository, "Dockerfile", SearchOption.AllDirectories)); // the frontend has no image of its own

        await using var image = new ImageLease(engine, $"berth-e2e-{fixture}:test");
        var build = await engine.BuildAsync(repository, image.Tag, new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken,
            dockerfile: dockerfilePath);
        Assert.True(build.Succeeded, $"docker build failed:\n{build.Describe(80)}\n--- Dockerfile ---\n{dockerfile}");

        var run = await engine.RunAsync(["run", "-d", "--network", "none", "--read-only", "--tmpfs", "/tmp", image.Tag], cancellationToken);
        Assert.True(run.Succeeded, "docker run failed:\n" + run.Describe());
        await using var container = new ContainerLease(engine, run.StandardOutput.Trim());

        CommandResult? probe = null;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            probe = await engine.RunAsync(["exec", container.Id, "python", "-c", Probe(fixture, health)], cancellationToken);
            if (probe.Succeeded)
                break;
            await Task.Delay(500, cancellationToken);
        }
        Assert.True(probe!.Succeeded, "the container never answered:\n" + probe.Describe() + "\n--- logs ---\n" + await engine.LogsAsync(container.Id, cancellationToken));
        // the built index.html (its script rewritten to /assets/…, not the source's /src/main.js) at /, and the API beside it
        Assert.Equal("True True False {\"status\":\"ok\"}", probe.StandardOutput.Trim());
    }
}
