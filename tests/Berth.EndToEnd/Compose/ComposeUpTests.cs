using System.Diagnostics;
using System.Text.Json;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Compose;

/// <summary>
/// The compose proof on a real engine: berth init writes compose.yaml for two Python services (Fixtures/compose), compose builds and
/// starts them, every service becomes healthy, and the gateway answers with what it fetched from the api through the api's
/// service name (the link berth scan found), as the user compose.yaml names, read-only with a writable tmpfs /tmp.
/// The testbed cannot run PostgreSQL or Redis (no such images offline): the development services are proven by golden tests and
/// `compose config` only.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class ComposeUpTests
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Up_gets_every_service_healthy_and_the_gateway_reaches_the_api_by_its_service_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        var compose = await ComposeCli.RequireAsync();
        Log($"engine: docker {engine.ServerVersion}; compose: {compose.Name} {compose.Version}");
        var clock = Stopwatch.StartNew();

        using var scratch = TempDirectory.Create("berth-compose-up-");
        var repository = Path.Combine(scratch.Path, "compose");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.FixturesDirectory, "compose"), repository);
        var init = await BerthRun.InvokeAsync(["init", repository], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        var token = "e2e-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(repository, "api", ".env"), $"API_TOKEN={token}\n", cancellationToken);

        // Test-only: the testbed's dockerd has no default bridge, so a build that reaches the package index runs on the host network.
        // The generated file is used as written; at run time the services use compose's own network (a user-defined bridge works there).
        var overrideFile = Path.Combine(scratch.Path, "compose.testbed.yaml");
        await File.WriteAllTextAsync(overrideFile, "services:\n  api:\n    build:\n      network: host\n  gateway:\n    build:\n      network: host\n", cancellationToken);

        var project = "berth-e2e-" + Guid.NewGuid().ToString("N")[..8];
        var files = new[] { "-p", project, "-f", Path.Combine(repository, "compose.yaml"), "-f", overrideFile };
        var buildEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["COMPOSE_DOCKER_CLI_BUILD"] = "1", ["DOCKER_BUILDKIT"] = "1" };
        var checks = new Checklist();
        var logs = "";
        try
        {
            var up = await compose.RunAsync(repository,
                [.. files, "up", "--build", "-d", .. compose.WaitsByItself ? new[] { "--wait" } : []], TimeSpan.FromMinutes(15), cancellationToken, buildEnvironment);
            Assert.True(up.Succeeded, up.Describe(60));
            Log($"up done ({clock.Elapsed.TotalSeconds:F0} s)");

            var containers = await ContainersAsync(compose, repository, files, cancellationToken);
            Assert.Equal(2, containers.Count);
            var health = await WaitHealthyAsync(engine, containers, cancellationToken);
            Log($"health: {string.Join(", ", health.Select(h => $"{h.Key} {h.Value}"))} ({clock.Elapsed.TotalSeconds:F0} s)");
            foreach (var (name, status) in health)
                checks.Check(status == "healthy", $"{name} is {status}, not healthy, within {HealthyWithin.TotalSeconds:F0} s");

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var relay = await http.GetAsync("http://127.0.0.1:18082/relay", cancellationToken);
            var body = await relay.Content.ReadAsStringAsync(cancellationToken);
            checks.Check(relay.IsSuccessStatusCode, $"GET 127.0.0.1:18082/relay answered {(int)relay.StatusCode}: {body}");
            if (relay.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(body);
                checks.Check(json.RootElement.GetProperty("backend").GetString() == "http://api:18081",
                    $"gateway's BACKEND_URL is {json.RootElement.GetProperty("backend")}, not the api's service name");
                var answer = json.RootElement.GetProperty("answer");
                checks.Check(answer.GetProperty("message").GetString() == "hello from api", $"the api did not write and read its tmpfs /tmp: {answer}");
                checks.Check(answer.GetProperty("uid").GetInt32() == 10001, $"the api runs as uid {answer.GetProperty("uid")}, not 10001");
                checks.Check(answer.GetProperty("tokenSet").GetBoolean(), "API_TOKEN from api/.env did not reach the api");
            }
            checks.Check(!body.Contains(token, StringComparison.Ordinal), "the api's token value was echoed");

            foreach (var (name, id) in containers)
            {
                var config = await engine.InspectAsync(id, "{{.HostConfig.ReadonlyRootfs}} {{.Config.User}} {{json .HostConfig.PortBindings}} {{json .HostConfig.CapDrop}}", cancellationToken) ?? "";
                checks.Check(config.StartsWith("true 10001:10001 ", StringComparison.Ordinal), $"{name}: read-only root and user 10001:10001 expected, got {config}");
                checks.Check(config.Contains("\"HostIp\":\"127.0.0.1\"", StringComparison.Ordinal), $"{name}: published beyond 127.0.0.1: {config}");
                checks.Check(config.Contains("ALL", StringComparison.Ordinal), $"{name}: capabilities not dropped: {config}");
            }
            logs = (await compose.RunAsync(repository, [.. files, "logs", "--no-color"], TimeSpan.FromSeconds(60), cancellationToken)).StandardOutput;
        }
        finally
        {
            var down = await compose.RunAsync(repository, [.. files, "down", "--volumes", "--rmi", "local", "--remove-orphans"], TimeSpan.FromMinutes(3), CancellationToken.None);
            Log($"down: exit {down.ExitCode} ({clock.Elapsed.TotalSeconds:F0} s)");
            var left = await engine.RunAsync(["ps", "-aq", "--filter", $"label=com.docker.compose.project={project}"], CancellationToken.None);
            checks.Check(down.Succeeded && left.StandardOutput.Trim().Length == 0, $"compose down left containers behind: {left.StandardOutput.Trim()} {down.Describe(10)}");
        }
        checks.AssertEmpty(() => $"--- compose.yaml ---\n{File.ReadAllText(Path.Combine(repository, "compose.yaml"))}\n--- logs ---\n{logs}");
    }

    private static async Task<Dictionary<string, string>> ContainersAsync(ComposeCli compose, string repository, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var containers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in new[] { "api", "gateway" })
        {
            var ps = await compose.RunAsync(repository, [.. files, "ps", "-q", service], TimeSpan.FromSeconds(60), cancellationToken);
            if (ps.StandardOutput.Trim() is { Length: > 0 } id)
                containers[service] = id;
        }
        return containers;
    }

    /// <summary>`up --wait` for Compose 1.29, which has none: polls each container's health until healthy, unhealthy or the time is up.</summary>
    internal static async Task<Dictionary<string, string>> WaitHealthyAsync(DockerCli engine, Dictionary<string, string> containers, CancellationToken cancellationToken)
    {
        var status = containers.ToDictionary(c => c.Key, _ => "unknown", StringComparer.Ordinal);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < HealthyWithin)
        {
            foreach (var (name, id) in containers)
                status[name] = (await engine.InspectAsync(id, "{{if .State.Health}}{{.State.Health.Status}}{{else}}no healthcheck{{end}}", cancellationToken))?.Trim() ?? "gone";
            if (status.Values.All(s => s is "healthy") || status.Values.Any(s => s is "unhealthy" or "no healthcheck" or "gone"))
                break;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        return status;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
