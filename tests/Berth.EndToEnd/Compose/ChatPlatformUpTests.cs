using System.Diagnostics;
using System.Text.Json;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Compose;

/// <summary>
/// The seeds' shape end to end: examples/chat-platform (FastAPI backend, Next.js frontend, Vite frontend) → berth init → compose
/// builds the three images and starts them; every service becomes healthy, and the Next.js frontend's server-side route reaches
/// the backend through the backend's service name (the link berth scan found for BACKEND_URL), while the build-time
/// NEXT_PUBLIC_API_URL / VITE_API_URL went in as build arguments. Everything is removed afterwards.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class ChatPlatformUpTests
{
    private static readonly string[] Services = ["backend", "frontend-web", "frontend-chatbot"];

    [Fact]
    public async Task Up_gets_all_three_services_healthy_and_the_web_frontend_reaches_the_backend_by_its_service_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        var compose = await ComposeCli.RequireAsync();
        var clock = Stopwatch.StartNew();

        using var scratch = TempDirectory.Create("berth-chat-platform-");
        var repository = Path.Combine(scratch.Path, "chat-platform");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.ExamplesDirectory, "chat-platform"), repository);
        var init = await BerthRun.InvokeAsync(["init", repository, "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());

        // Test-only: the testbed's dockerd has no default bridge, so builds that reach the package registries use the host network.
        // The generated compose.yaml is used as written; at run time the services use compose's own network.
        var overrideFile = Path.Combine(scratch.Path, "compose.testbed.yaml");
        await File.WriteAllTextAsync(overrideFile,
            "services:\n" + string.Concat(Services.Select(s => $"  {s}:\n    build:\n      network: host\n")), cancellationToken);

        var project = "berth-chat-" + Guid.NewGuid().ToString("N")[..8];
        var files = new[] { "-p", project, "-f", Path.Combine(repository, "compose.yaml"), "-f", overrideFile };
        var buildEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["COMPOSE_DOCKER_CLI_BUILD"] = "1", ["DOCKER_BUILDKIT"] = "1" };
        var checks = new Checklist();
        var logs = "";
        try
        {
            var up = await compose.RunAsync(repository,
                [.. files, "up", "--build", "-d", .. compose.WaitsByItself ? new[] { "--wait" } : []], TimeSpan.FromMinutes(20), cancellationToken, buildEnvironment);
            Assert.True(up.Succeeded, up.Describe(60));
            Log($"up done ({clock.Elapsed.TotalSeconds:F0} s)");

            var containers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var service in Services)
            {
                var ps = await compose.RunAsync(repository, [.. files, "ps", "-q", service], TimeSpan.FromSeconds(60), cancellationToken);
                if (ps.StandardOutput.Trim() is { Length: > 0 } id)
                    containers[service] = id;
            }
            Assert.Equal(Services.Length, containers.Count);
            var health = await ComposeUpTests.WaitHealthyAsync(engine, containers, cancellationToken);
            Log($"health: {string.Join(", ", health.Select(h => $"{h.Key} {h.Value}"))} ({clock.Elapsed.TotalSeconds:F0} s)");
            foreach (var (name, status) in health)
                checks.Check(status == "healthy", $"{name} is {status}, not healthy");

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var relay = await http.GetAsync("http://127.0.0.1:3000/api/messages", cancellationToken);
            var body = await relay.Content.ReadAsStringAsync(cancellationToken);
            checks.Check(relay.IsSuccessStatusCode, $"GET 127.0.0.1:3000/api/messages answered {(int)relay.StatusCode}: {body}");
            if (relay.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(body);
                checks.Check(json.RootElement.GetProperty("backend").GetString() == "http://backend:8000",
                    $"frontend-web's BACKEND_URL is {json.RootElement.GetProperty("backend")}, not the backend's service name");
                var answer = json.RootElement.GetProperty("answer");
                checks.Check(answer.GetProperty("messages")[0].GetString() == "hello from the backend", $"the backend's answer did not come through: {answer}");
                checks.Check(answer.GetProperty("uid").GetInt32() == 10001, $"the backend runs as uid {answer.GetProperty("uid")}, not 10001");
            }
            var chatbot = await http.GetAsync("http://127.0.0.1:8080/some/client/route", cancellationToken);
            var page = await chatbot.Content.ReadAsStringAsync(cancellationToken);
            checks.Check(chatbot.IsSuccessStatusCode && page.Contains("<div id=\"app\"></div>", StringComparison.Ordinal),
                $"the chatbot's static server did not answer a client route with index.html: {(int)chatbot.StatusCode}");
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

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
