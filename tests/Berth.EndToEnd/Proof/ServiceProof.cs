using System.Globalization;
using Berth.EndToEnd.Engine;
using Berth.Verification.Engine;
using Berth.Verification.Running;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Proof;

/// <summary>
/// Builds a service folder with the engine, runs it on the host network, and checks it the way production would: health routes answer
/// (HEAD only where declared), processes run as the runtime's non-root uid, SIGTERM stops it promptly, no .env value or file got in.
/// The image and container are removed afterwards whatever happened.
/// </summary>
public sealed class ServiceProof(DockerCli engine, Action<string> log)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    public async Task<ProofOutcome> RunAsync(ProofRequest request, CancellationToken cancellationToken)
    {
        await using var image = new ImageLease(engine, request.ImageTag);
        var build = await engine.BuildAsync(request.ContextDirectory, image.Tag, request.BuildArguments, cancellationToken);
        Assert.True(build.Succeeded, $"docker build failed:\n{build.Describe(80)}\n\n{request.Description()}");
        log($"build took {build.Elapsed.TotalSeconds:F1} s");

        var checks = new Checklist();
        await CheckImageConfigAsync(image.Tag, request, checks, cancellationToken);
        await CheckInstalledVersionsAsync(image.Tag, request, checks, cancellationToken);

        Assert.True(await HostPorts.WaitUntilFreeAsync(request.Port, TimeSpan.FromSeconds(10), cancellationToken),
            $"host port {request.Port} is in use: cannot run {request.ContainerName} on the host network");
        await engine.RemoveContainerAsync(request.ContainerName); // a leftover from an interrupted run
        var (containerId, run) = await engine.RunDetachedAsync(image.Tag, request.Environment, request.ContainerName, cancellationToken);
        Assert.True(containerId is not null, "docker run failed:\n" + run.Describe());
        await using var container = new ContainerLease(engine, containerId!);

        using (var http = new HealthProbe(request.Port))
        {
            await CheckHttpAsync(container.Id, http, request, checks, cancellationToken);
        }
        await CheckProcessUidsAsync(container.Id, request, checks, cancellationToken);
        await CheckStopAsync(container.Id, checks, cancellationToken);
        var logs = await engine.LogsAsync(container.Id, cancellationToken);
        checks.AddRange(DotenvFile.Leaks(request.ForbiddenValues, logs, "the container's logs"));
        await CheckNoDotenvFileAsync(container.Id, checks, cancellationToken);
        return new ProofOutcome(checks, logs);
    }

    private async Task CheckImageConfigAsync(string image, ProofRequest request, Checklist checks, CancellationToken cancellationToken)
    {
        var user = await engine.InspectAsync(image, "{{.Config.User}}", cancellationToken);
        var uidPart = (user ?? "").Split(':')[0];
        checks.Check(
            int.TryParse(uidPart, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid != 0,
            $"image config User is '{user}': expected a numeric, non-root uid (Kubernetes runAsNonRoot cannot verify a user name)");

        var history = await engine.RunAsync(["history", "--no-trunc", "--format", "{{.CreatedBy}}", image], cancellationToken);
        checks.AddRange(DotenvFile.Leaks(request.ForbiddenValues, history.StandardOutput, "the image history (ENV/ARG/RUN lines)"));
        var environment = await engine.InspectAsync(image, "{{json .Config.Env}}", cancellationToken) ?? "";
        checks.AddRange(DotenvFile.Leaks(request.ForbiddenValues, environment, "the image's Config.Env"));
    }

    private async Task CheckInstalledVersionsAsync(string image, ProofRequest request, Checklist checks, CancellationToken cancellationToken)
    {
        foreach (var (package, expected) in request.ExpectedVersions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var result = await engine.RunAsync(
                ["run", "--rm", "--network", "none", "--entrypoint", "/opt/venv/bin/python", image, "-c", $"import importlib.metadata as m; print(m.version('{package}'))"],
                cancellationToken);
            var installed = result.StandardOutput.Trim();
            checks.Check(result.Succeeded && installed == expected,
                $"{package} in the image's venv is '{installed}', expected {expected}{(result.Succeeded ? "" : "\n" + result.Describe())}");
            log($"{package} {installed} in the venv");
        }
    }

    private async Task CheckHttpAsync(string containerId, HealthProbe http, ProofRequest request, Checklist checks, CancellationToken cancellationToken)
    {
        async Task<bool> StillRunning() => await engine.InspectAsync(containerId, "{{.State.Running}}", cancellationToken) == "true";

        var first = request.Health[0];
        var (status, waited) = await http.WaitForOkAsync(first.Path, HealthTimeout, StillRunning, cancellationToken);
        if (status != 200)
        {
            var state = await engine.InspectAsync(containerId, "{{.State.Status}} exit={{.State.ExitCode}}", cancellationToken);
            checks.Fail($"GET {first.Path} on port {http.Port} answered {Show(status)} after {waited.TotalSeconds:F1} s (container: {state})");
            return;
        }
        log($"GET {first.Path} -> 200 after {waited.TotalSeconds:F1} s");

        foreach (var route in request.Health)
        {
            var get = await http.StatusAsync(HttpMethod.Get, route.Path, cancellationToken);
            checks.Check(get == 200, $"GET {route.Path} answered {Show(get)}, expected 200");
            var expectedHead = route.Allows("HEAD") ? 200 : 405;
            var head = await http.StatusAsync(HttpMethod.Head, route.Path, cancellationToken);
            checks.Check(head == expectedHead,
                $"HEAD {route.Path} answered {Show(head)}, expected {expectedHead} (scan lists methods [{string.Join(", ", route.Methods)}])");
            log($"{route.Path}: GET {Show(get)}, HEAD {Show(head)} (scan methods [{string.Join(", ", route.Methods)}])");
        }
    }

    private async Task CheckProcessUidsAsync(string containerId, ProofRequest request, Checklist checks, CancellationToken cancellationToken)
    {
        var (uids, top) = await engine.ProcessUidsAsync(containerId, cancellationToken);
        if (uids.Count == 0)
        {
            checks.Fail("docker top listed no processes (did the container exit?):\n" + top.Describe(10));
            return;
        }
        var expected = request.Runtime.ExpectedUid;
        checks.Check(uids.All(u => u == expected),
            $"processes run as uid {string.Join(", ", uids.Distinct())}: expected all {expected} on {request.Runtime.Name}");
        log($"process uids: {string.Join(", ", uids)}");
    }

    private async Task CheckStopAsync(string containerId, Checklist checks, CancellationToken cancellationToken)
    {
        var (elapsed, stop) = await engine.StopAsync(containerId, cancellationToken);
        checks.Check(stop.Succeeded, "docker stop failed:\n" + stop.Describe(10));
        checks.Check(elapsed < StopBudget,
            $"docker stop took {elapsed.TotalSeconds:F1} s: SIGTERM did not end the server within {StopBudget.TotalSeconds:F0} s "
            + "(shell-form CMD or a PID 1 that does not forward signals?)");
        var exitCode = await engine.InspectAsync(containerId, "{{.State.ExitCode}}", cancellationToken);
        checks.Check(exitCode is "0" or "143", $"exit code after docker stop was {exitCode}, expected 0 or 143 (137: killed after the grace period)");
        log($"docker stop took {elapsed.TotalSeconds:F1} s, exit code {exitCode}");
    }

    private async Task CheckNoDotenvFileAsync(string containerId, Checklist checks, CancellationToken cancellationToken)
    {
        var (paths, export) = await ContainerFilesystem.FindAsync(engine, containerId, name => name == ".env", cancellationToken);
        checks.Check(export.Succeeded, "docker export failed:\n" + export.Describe(10));
        checks.Check(paths.Count == 0, $".env was copied into the image: {string.Join(", ", paths)} (.dockerignore must exclude it)");
    }

    private static string Show(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "nothing";
}
