using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Verify;

/// <summary>
/// An app that writes at start-up — a log file under a folder named in another module, a SQLite database built from a
/// <c>joinpath</c> in a <c>getenv</c> default — runs under verify's read-only root filesystem with the writable mounts Berth chose
/// (its folders created and owned by the runtime user in the image, tmpfs over them at run time). Flask 2.2 and gunicorn 20.1 from
/// the testbed's index.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class WritablePathVerifyTests
{
    [Fact]
    public async Task An_app_writing_its_log_and_sqlite_database_at_start_runs_read_only_with_the_mounts_berth_chose()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-verify-writable-");
        var directory = Path.Combine(scratch.Path, "writable-journal");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, "writable-journal"), directory);

        var init = await BerthRun.InvokeAsync(["init", directory, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        Assert.Contains("RUN mkdir -p /writable/data /writable/log", dockerfile, StringComparison.Ordinal);

        var run = await BerthRun.InvokeAsync(["verify", directory, "--format", "json"], cancellationToken);
        var report = VerifyReportJson.Parse(run);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Table());
        Assert.True(run.ExitCode == 0 && report.Failed.Count == 0, $"verify failed {string.Join(", ", report.Failed)}:\n{report.Table()}\n{run.StandardError}");
        foreach (var id in new[] { "BV101", "BV401", "BV402", "BV403", "BV404" })
            Assert.True(report.Status(id) == "pass", $"{id} is {report.Status(id)}, expected pass:\n{report.Table()}");
    }
}
