using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Verify;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The Node proof: for each Node example and runtime, <c>berth init</c> writes the files and <c>berth verify</c> builds the image on the
/// engine, runs it read-only as non-root, asks every health route with GET and HEAD, and stops it with SIGTERM — with the port and routes
/// from <c>berth scan</c>, nothing configured here. Everything verify creates is removed (BV502).
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class NodeImageTests
{
    private static readonly string[] MustPass =
        ["BV101", "BV102", "BV201", "BV202", "BV203", "BV204", "BV301", "BV302", "BV303", "BV306", "BV401", "BV402", "BV403", "BV404", "BV501", "BV502"];

    [Theory]
    [InlineData("express-api", "slim")]
    [InlineData("express-api", "distroless")]
    [InlineData("vite-spa", "slim")]
    [InlineData("vite-spa", "distroless")]
    [InlineData("next-web", "slim")]
    [InlineData("next-web", "distroless")]
    [InlineData("nest-api", "slim")]
    [InlineData("nest-api", "distroless")]
    public async Task Generated_node_image_passes_verify_on_both_runtimes(string example, string runtime)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-node-{example}-{runtime}-");
        var directory = Path.Combine(scratch.Path, example);
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.ExamplesDirectory, example), directory);

        var init = await BerthRun.InvokeAsync(["init", directory, "--runtime", runtime], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        Assert.DoesNotContain("npm start", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("curl", dockerfile, StringComparison.Ordinal);

        // The stand-in node:20-bookworm-slim is 252 MB, which leaves 48 MB of the default 300 MB budget: Next.js's standalone server
        // (49 MB of its own layers) gets a budget of 350 MB; every other image is held to the default.
        string[] budget = example == "next-web" ? ["--size-budget", "350"] : [];
        var run = await BerthRun.InvokeAsync(["verify", directory, "--format", "json", .. budget], cancellationToken);
        var report = VerifyReportJson.Parse(run);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Table());
        Assert.True(run.ExitCode == 0 && report.Failed.Count == 0, $"verify failed {string.Join(", ", report.Failed)}:\n{report.Table()}\n{run.StandardError}\n--- Dockerfile ---\n{dockerfile}");
        foreach (var id in MustPass)
            Assert.True(report.Status(id) == "pass", $"{id} is {report.Status(id)}, expected pass:\n{report.Table()}");
        Assert.Equal(runtime == "distroless" ? "pass" : "skip", report.Status("BV205"));
        if (example == "next-web")
        {
            // read-only root with a tmpfs, owned by the service user, where Next.js writes its cache
            Assert.Contains("--tmpfs /app/.next/cache", run.StandardOutput, StringComparison.Ordinal);
        }
    }
}
