using Berth.EndToEnd.Cli;

namespace Berth.EndToEnd.Apps;

/// <summary><c>berth scan DIR --format json</c> on a single-service folder.</summary>
public static class ScanRun
{
    public static async Task<(ScannedService Service, BerthRun Run)> SingleServiceAsync(string directory, CancellationToken cancellationToken)
    {
        var run = await BerthRun.InvokeAsync(["scan", directory, "--format", "json"], cancellationToken);
        Assert.True(run.ExitCode is 0 or 1, "berth scan failed:\n" + run.Describe());
        IReadOnlyList<ScannedService> services;
        try
        {
            services = ScannedService.ParseAll(run.StandardOutput);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
        {
            Assert.Fail($"berth scan --format json printed something that is not the expected JSON ({ex.Message}):\n{run.Describe()}");
            throw;
        }
        Assert.True(services.Count == 1, $"expected exactly one service in {directory}, scan found {services.Count}:\n{run.Describe()}");
        return (services[0], run);
    }
}
