using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;
using Berth.EndToEnd.Verify;

namespace Berth.EndToEnd;

/// <summary>
/// The server flags a repository states reach the running container: a gunicorn.conf.py with <c>workers = 2</c> and <c>timeout = 120</c>
/// (and a pid file and log path the read-only container cannot write) gives an image whose gunicorn boots two workers, and verify passes.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class StatedServerFlagImageTests
{
    [Fact]
    public async Task A_gunicorn_config_worker_count_and_timeout_reach_the_running_server()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-e2e-stated-flags-");
        var service = Path.Combine(scratch.Path, "stated-flags-gunicorn-conf");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, "stated-flags-gunicorn-conf"), service);

        var init = await BerthRun.InvokeAsync(["init", service, "--k8s", "none", "--no-compose"], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(service, "Dockerfile"), cancellationToken);
        Assert.Contains("\"--workers\", \"2\", \"--timeout\", \"120\"", dockerfile);
        Assert.Contains("\"--pid\", \"/tmp/gunicorn.pid\"", dockerfile);

        var run = await BerthRun.InvokeAsync(["verify", service, "--format", "json"], cancellationToken);
        var report = VerifyReportJson.Parse(run);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Table());
        Assert.True(run.ExitCode == 0 && report.Failed.Count == 0, $"verify failed {string.Join(", ", report.Failed)}:\n{report.Table()}\n{run.StandardError}");
        Assert.Equal("pass", report.Status("BV406")); // gunicorn booted the two workers its command asks for
    }
}
