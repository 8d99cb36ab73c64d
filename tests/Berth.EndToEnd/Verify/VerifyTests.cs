using System.Diagnostics;
using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;
using Berth.Verification;

namespace Berth.EndToEnd.Verify;

/// <summary>
/// <c>berth verify</c> on a real engine, with zero configuration: every example's generated image passes on both runtimes, and every
/// deliberately broken fixture fails exactly the checks it was broken for.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class VerifyTests
{
    private static readonly string[] MustPass = ["BV101", "BV102", "BV201", "BV204", "BV301", "BV302", "BV303", "BV401", "BV402", "BV404", "BV501", "BV502"];

    [Theory]
    [InlineData("notes-api", "slim")]
    [InlineData("notes-api", "distroless")]
    [InlineData("inventory-service", "slim")]
    [InlineData("inventory-service", "distroless")]
    public async Task Generated_image_passes_verify_without_configuration(string example, string runtime)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-verify-{example}-{runtime}-");
        var service = await InitializedService.CreateAsync(ExampleApp.Named(example), scratch, ["--runtime", runtime], cancellationToken);
        Assert.True(service.Init.ExitCode == 0, service.Init.Describe());

        var run = await BerthRun.InvokeAsync(["verify", service.Directory, "--format", "json"], cancellationToken);
        var report = VerifyReportJson.Parse(run);
        Log(report.Table());
        Assert.True(run.ExitCode == 0 && report.Failed.Count == 0, $"verify failed {string.Join(", ", report.Failed)}:\n{report.Table()}\n{run.StandardError}");
        foreach (var id in MustPass)
            Assert.True(report.Status(id) == "pass", $"{id} is {report.Status(id)}, expected pass:\n{report.Table()}");
        if (example == "notes-api")
        {
            Assert.Equal("pass", report.Status("BV403")); // declares HEAD (Starlette route with GET+HEAD)
            Assert.Equal("pass", report.Status("BV405")); // configures JSON logging, and every stdout line is JSON
        }
        else
        {
            Assert.Equal("skip", report.Status("BV403")); // FastAPI @app.get: GET only, reported
            Assert.Equal("pass", report.Status("BV406"));
            Assert.Equal("pass", report.Status("BV407"));
        }
        Assert.Equal(runtime == "distroless" ? "pass" : "skip", report.Status("BV205"));
        foreach (var value in service.DotenvValues)
            Assert.DoesNotContain(value, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs-as-root", "BV301,BV404")]
    [InlineData("healthcheck-curl", "BV306")]
    [InlineData("ignores-sigterm", "BV501")]
    [InlineData("dotenv-and-gcc", "BV201,BV203,BV204")]
    [InlineData("gunicorn-workers", "BV406")]
    [InlineData("dotenv-value-in-env", "BV307")]
    public async Task Broken_fixture_fails_exactly_the_check_it_breaks(string fixture, string expectedFailures)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-verify-{fixture}-");
        var directory = Path.Combine(scratch.Path, fixture);
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.VerifyFixturesDirectory, fixture), directory);
        var arguments = new List<string> { "verify", directory, "--format", "json" };
        string? secret = null;
        if (File.Exists(Path.Combine(directory, "dotenv")))
        {
            // The committed file is `dotenv` (a real .env would be ignored by tooling); the broken image needs it as .env.
            File.Copy(Path.Combine(directory, "dotenv"), Path.Combine(directory, ".env"));
            secret = File.ReadAllText(Path.Combine(directory, ".env")).Split('=', 2)[1].Trim();
        }
        if (fixture == "dotenv-and-gcc")
            arguments.AddRange(["--env-file", Path.Combine(directory, ".env"), "--size-budget", "2000"]);

        // The file checks of this fixture are proven through `docker save` as well (every other run reads the engine's storage where it can).
        var viaSave = fixture == "dotenv-and-gcc";
        if (viaSave)
            Environment.SetEnvironmentVariable(VerifyRun.LayerSourceVariable, "save"); // safe: this collection runs alone
        BerthRun run;
        try
        {
            run = await BerthRun.InvokeAsync(arguments, cancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable(VerifyRun.LayerSourceVariable, null);
        }
        if (viaSave)
            Assert.Contains("image layers streamed by docker save", run.StandardOutput, StringComparison.Ordinal);
        var report = VerifyReportJson.Parse(run);
        Log(report.Table());
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}, expected 1:\n{run.Describe()}");
        Assert.Equal(expectedFailures.Split(','), report.Failed);
        Assert.Equal("pass", report.Status("BV502")); // cleaned up after a failing run too
        if (secret is not null)
        {
            // A .env value is never printed: dotenv-and-gcc's app logs its token at start (blanked), dotenv-value-in-env's leak is
            // reported by the variable's name and where it was found.
            Assert.DoesNotContain(secret, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
            Assert.Contains(fixture == "dotenv-and-gcc" ? "API_TOKEN=***" : "API_TOKEN from .env in ENV UPSTREAM_HEADER", run.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Interrupted_verify_removes_its_container_and_image()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var docker = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-verify-interrupt-");
        var directory = Path.Combine(scratch.Path, "ignores-sigterm");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.VerifyFixturesDirectory, "ignores-sigterm"), directory);
        // Images kept by earlier `verify --keep` runs carry the label too: compare with what was there before.
        var containersBefore = await Labelled(docker, "ps", cancellationToken);
        var imagesBefore = await Labelled(docker, "images", cancellationToken);

        var cli = Path.Combine(AppContext.BaseDirectory, "berth.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "verify", directory, "--format", "json" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);

        // Wait until verify has a container running (the app ignores SIGTERM, so the run lasts well over 10 s), then press Ctrl-C.
        var clock = Stopwatch.StartNew();
        while ((await Labelled(docker, "ps", cancellationToken)).Except(containersBefore).ToList().Count == 0)
        {
            if (process.HasExited)
                Assert.Fail($"verify exited before starting a container:\n{await stderr}\n{await stdout}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "verify started no container within 3 minutes");
            await Task.Delay(200, cancellationToken);
        }
        Log($"container up after {clock.Elapsed.TotalSeconds:F1} s; sending SIGINT");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        Log(await stderr);
        _ = await stdout;

        Assert.Equal(130, process.ExitCode);
        Assert.Equal(containersBefore, await Labelled(docker, "ps", cancellationToken));
        Assert.Equal(imagesBefore, await Labelled(docker, "images", cancellationToken));
    }

    private static async Task<IReadOnlyList<string>> Labelled(DockerCli docker, string what, CancellationToken cancellationToken)
    {
        var arguments = what == "ps" ? new[] { "ps", "-a", "-q", "--filter", "label=berth.verify.run" } : ["images", "-q", "--filter", "label=berth.verify.run"];
        var result = await docker.RunAsync(arguments, cancellationToken);
        Assert.True(result.Succeeded, result.Describe());
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
