using System.Text.Json;
using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Proof;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Verify;

/// <summary>
/// Apps that log JSON through their own root logger only (nothing about the server's loggers): under the image <c>berth init</c> writes,
/// every line the container prints is a JSON object — gunicorn's "Booting worker" and uvicorn's startup and access lines included — and
/// verify's json-logs check passes. Before the generated --log-config, the server's plain-text lines failed it.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class ServerJsonLogTests
{
    [Theory]
    [InlineData("json-logs-gunicorn", "slim", "gunicorn.error", "Booting worker with pid")]
    [InlineData("json-logs-gunicorn", "distroless", "gunicorn.error", "Booting worker with pid")]
    [InlineData("json-logs-uvicorn", "slim", "uvicorn.error", "Started server process")]
    [InlineData("json-logs-uvicorn", "distroless", "uvicorn.error", "Started server process")]
    public async Task Every_log_line_is_json_including_the_servers_own(string fixture, string runtime, string startupLogger, string startupMessage)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-e2e-{fixture}-{runtime}-");
        var directory = Path.Combine(scratch.Path, fixture);
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, fixture), directory);
        var init = await BerthRun.InvokeAsync(["init", directory, "--runtime", runtime, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        var (profile, scan) = await ScanRun.SingleServiceAsync(directory, cancellationToken);
        Assert.True(profile.Port is > 0 && profile.Health.Count > 0, "scan reported no port or health route:\n" + scan.Describe());

        var request = new ProofRequest(
            ContextDirectory: directory,
            ImageTag: $"berth-e2e-{fixture}-{runtime}:test",
            ContainerName: $"berth-e2e-{fixture}-{runtime}",
            Port: profile.Port!.Value,
            Health: profile.Health,
            Runtime: RuntimeFlavour.Named(runtime),
            Environment: new Dictionary<string, string>(StringComparer.Ordinal),
            ForbiddenValues: [],
            Description: () => dockerfile);
        var outcome = await new ServiceProof(engine, Log).RunAsync(request, cancellationToken);
        outcome.Checks.AssertEmpty(() => $"{fixture} on {runtime}\n{dockerfile}\n--- container logs ---\n{outcome.Logs}");

        // stdout and stderr together: every line is one JSON object, and the server's own startup and access lines are among them.
        var lines = outcome.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = new List<JsonElement>();
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                Assert.True(document.RootElement.ValueKind == JsonValueKind.Object, $"not a JSON object: {line}\n--- logs ---\n{outcome.Logs}");
                entries.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                Assert.Fail($"not JSON: {line}\n--- logs ---\n{outcome.Logs}");
            }
        }
        Assert.Contains(entries, e => Text(e, "logger") == startupLogger && Text(e, "message")?.Contains(startupMessage, StringComparison.Ordinal) == true);
        var health = profile.Health[0].Path;
        Assert.Contains(entries, e => Text(e, "logger") == "uvicorn.access" && e.TryGetProperty("http", out var http) && Text(http, "path") == health && http.GetProperty("status").GetInt32() == 200);

        var verify = await BerthRun.InvokeAsync(["verify", directory, "--format", "json"], cancellationToken);
        var report = VerifyReportJson.Parse(verify);
        Log(report.Table());
        Assert.True(report.Status("BV405") == "pass", $"BV405 is {report.Status("BV405")}:\n{report.Table()}");
        Assert.True(verify.ExitCode == 0 && report.Failed.Count == 0, $"verify failed {string.Join(", ", report.Failed)}:\n{report.Table()}\n{verify.StandardError}");
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
