using System.Diagnostics;
using System.Globalization;

namespace Berth.Verification.Engine;

/// <summary>
/// A container engine reached through its CLI (<c>docker</c> or <c>podman</c>, honouring DOCKER_HOST / CONTAINER_HOST from the
/// environment). Every call has a timeout; nothing here throws for a failed command: callers decide what a failure means.
/// </summary>
public sealed class ContainerEngine(string executable, ICommandRunner runner)
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(60);

    public string Executable { get; } = executable;

    public bool IsPodman => Path.GetFileName(Executable).StartsWith("podman", StringComparison.Ordinal);

    /// <summary>The engine's server version, or null and why nothing answered.</summary>
    public async Task<(string? Version, string Detail)> ProbeAsync(CancellationToken cancellationToken)
    {
        var format = IsPodman ? "{{.Version}}" : "{{.Server.Version}}";
        var result = await runner.RunAsync(Executable, ["version", "--format", format], TimeSpan.FromSeconds(20), cancellationToken);
        var version = result.StandardOutput.Trim();
        if (result.Succeeded && version.Length > 0)
            return (version, $"{Path.GetFileName(Executable)} {version}");
        var why = result.TimedOut
            ? $"`{Executable} version` timed out"
            : $"`{Executable} version` exit {result.ExitCode}: {FirstLine(result.StandardError)}";
        return (null, why);
    }

    /// <summary>
    /// Whether containers can publish ports on a bridge network (then verify publishes on 127.0.0.1 only). An engine started without
    /// a bridge (<c>dockerd --bridge=none</c>) needs the host network for builds that download and for runs.
    /// </summary>
    public async Task<bool> HasBridgeNetworkAsync(CancellationToken cancellationToken)
    {
        if (IsPodman)
            return true;
        var result = await runner.RunAsync(Executable, ["network", "ls", "--format", "{{.Driver}}"], ShortTimeout, cancellationToken);
        return result.Succeeded && result.StandardOutput.Split('\n').Any(l => l.Trim() == "bridge");
    }

    public Task<CommandResult> BuildAsync(BuildRequest request, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "build", "--progress", "plain", "-t", request.Tag };
        if (request.HostNetwork)
            arguments.AddRange(["--network", "host"]);
        if (request.Dockerfile is not null)
            arguments.AddRange(["-f", request.Dockerfile]);
        foreach (var (key, value) in request.Labels)
            arguments.AddRange(["--label", $"{key}={value}"]);
        arguments.Add(request.Context);
        // The Debian/old docker clients use the legacy builder unless asked; BuildKit is what cache mounts and -f's Dockerfile.dockerignore need.
        var environment = IsPodman || Environment.GetEnvironmentVariable("DOCKER_BUILDKIT") is not null
            ? null
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["DOCKER_BUILDKIT"] = "1" };
        return runner.RunAsync(Executable, arguments, request.Timeout, cancellationToken, onLine, environment);
    }

    public async Task<string?> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Executable, ["image", "inspect", image], ShortTimeout, cancellationToken);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public Task<CommandResult> SaveAsync(string image, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken) =>
        runner.StreamAsync(Executable, ["save", image], consume, TimeSpan.FromMinutes(10), cancellationToken);

    /// <summary><c>run -d</c> with the hardening verify asks for; the container id, or the failed result.</summary>
    public async Task<(string? ContainerId, CommandResult Result)> RunDetachedAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "run", "-d", "--name", request.Name };
        if (request.ReadOnly)
        {
            arguments.AddRange(["--read-only", "--tmpfs", "/tmp:rw,nosuid,nodev,size=64m"]);
            // Paths the app writes at run time (the profile's writable paths, e.g. Next.js's .next/cache): a tmpfs owned by the image's user.
            foreach (var path in request.WritablePaths)
                arguments.AddRange(["--tmpfs", $"{path}:rw,nosuid,nodev,size=64m{request.TmpfsOwner}"]);
        }
        arguments.AddRange(["--security-opt", "no-new-privileges"]);
        foreach (var (key, value) in request.Labels)
            arguments.AddRange(["--label", $"{key}={value}"]);
        if (request.HostNetwork)
            arguments.AddRange(["--network", "host"]);
        else
            arguments.AddRange(["-p", $"127.0.0.1:{request.HostPort}:{request.ContainerPort}"]);
        if (request.EnvFile is not null)
            arguments.AddRange(["--env-file", request.EnvFile]);
        foreach (var name in request.Environment.Keys.Order(StringComparer.Ordinal))
            arguments.AddRange(["-e", name]); // values travel in the CLI's environment, never on its command line
        arguments.Add(request.Image);
        var result = await runner.RunAsync(Executable, arguments, ShortTimeout, cancellationToken, environment: request.Environment);
        var id = result.StandardOutput.Trim();
        return (result.Succeeded && id.Length > 0 ? id : null, result);
    }

    /// <summary><c>inspect</c> of a container, as JSON; null when it is gone.</summary>
    public async Task<ContainerState?> ContainerStateAsync(string container, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Executable, ["container", "inspect", container], ShortTimeout, cancellationToken);
        return result.Succeeded ? ContainerState.Parse(result.StandardOutput) : null;
    }

    /// <summary>The processes in the container (pid, ppid, uid, command line) from the host's view: works without a shell in the image.</summary>
    public async Task<(IReadOnlyList<ContainerProcess> Processes, CommandResult Result)> TopAsync(string container, CancellationToken cancellationToken)
    {
        var arguments = IsPodman
            ? new List<string> { "top", container, "pid", "ppid", "huser", "args" }
            : ["top", container, "-eo", "pid,ppid,uid,args"];
        var result = await runner.RunAsync(Executable, arguments, ShortTimeout, cancellationToken);
        return (ContainerProcess.ParseTop(result.StandardOutput), result);
    }

    public Task<CommandResult> ExecAsync(string container, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        runner.RunAsync(Executable, ["exec", container, .. command], ShortTimeout, cancellationToken);

    /// <summary><c>stop -t SECONDS</c>: SIGTERM (or the image's StopSignal), then SIGKILL after the grace period. Timed from here.</summary>
    public async Task<(TimeSpan Elapsed, CommandResult Result)> StopAsync(string container, int graceSeconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(
            Executable, ["stop", "-t", graceSeconds.ToString(CultureInfo.InvariantCulture), container], TimeSpan.FromSeconds(graceSeconds + 60), cancellationToken);
        return (clock.Elapsed, result);
    }

    /// <summary>The container's output so far, stdout and stderr apart.</summary>
    public async Task<(string Stdout, string Stderr)> LogsAsync(string container, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Executable, ["logs", container], ShortTimeout, cancellationToken);
        return (result.StandardOutput, result.StandardError);
    }

    /// <summary>IDs of containers carrying a label (running or not).</summary>
    public async Task<IReadOnlyList<string>> ContainersWithLabelAsync(string label, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Executable, ["ps", "-a", "-q", "--filter", $"label={label}"], ShortTimeout, cancellationToken);
        return Lines(result.StandardOutput);
    }

    /// <summary>IDs of images carrying a label.</summary>
    public async Task<IReadOnlyList<string>> ImagesWithLabelAsync(string label, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Executable, ["images", "-q", "--filter", $"label={label}"], ShortTimeout, cancellationToken);
        return Lines(result.StandardOutput);
    }

    /// <summary>Best-effort removal: never throws, never waits on a cancelled token.</summary>
    public Task<CommandResult> RemoveContainerAsync(string container) =>
        runner.RunAsync(Executable, ["rm", "-f", "-v", container], ShortTimeout, CancellationToken.None);

    /// <summary>Best-effort removal: never throws, never waits on a cancelled token.</summary>
    public Task<CommandResult> RemoveImageAsync(string image) =>
        runner.RunAsync(Executable, ["rmi", "-f", image], ShortTimeout, CancellationToken.None);

    private static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}

public sealed record BuildRequest(string Context, string? Dockerfile, string Tag, IReadOnlyDictionary<string, string> Labels, bool HostNetwork, TimeSpan Timeout);

/// <summary>
/// How verify starts the container: read-only root with a tmpfs /tmp, no-new-privileges, no added capabilities; published on
/// 127.0.0.1 only, or on the host network when the engine has no bridge.
/// </summary>
public sealed record RunRequest(
    string Image,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Environment,
    string? EnvFile,
    bool HostNetwork,
    int HostPort,
    int ContainerPort,
    bool ReadOnly = true)
{
    /// <summary>Absolute paths that get a writable tmpfs beside /tmp under --read-only.</summary>
    public IReadOnlyList<string> WritablePaths { get; init; } = [];

    /// <summary>",uid=N,gid=M" for those tmpfs mounts (the image's numeric user), or "".</summary>
    public string TmpfsOwner { get; init; } = "";
}
