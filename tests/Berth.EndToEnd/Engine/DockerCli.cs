using System.Diagnostics;
using System.Globalization;
using Berth.Verification.Engine;

namespace Berth.EndToEnd.Engine;

/// <summary>
/// The <c>docker</c> client found on PATH (honouring DOCKER_HOST and friends from the environment).
/// Every call has a timeout; nothing here throws for a failed command, callers decide what a failure means.
/// </summary>
public sealed class DockerCli
{
    private const string Executable = "docker";
    private static readonly ProcessCommandRunner Runner = new();
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    private DockerCli(string serverVersion) => ServerVersion = serverVersion;

    public string ServerVersion { get; }

    /// <summary>Asks the engine for its version; null engine plus the reason when nothing answers.</summary>
    public static async Task<(DockerCli? Engine, string Detail)> ProbeAsync(CancellationToken cancellationToken)
    {
        var result = await Runner.RunAsync(Executable, ["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(20), cancellationToken);
        var version = result.StandardOutput.Trim();
        if (result.Succeeded && version.Length > 0)
            return (new DockerCli(version), $"docker engine {version} (DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "default socket"})");
        var why = result.TimedOut ? "`docker version` timed out" : $"`docker version` exit {result.ExitCode}: {FirstLine(result.StandardError)}";
        return (null, why);
    }

    public Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Runner.RunAsync(Executable, arguments, ShortTimeout, cancellationToken, environment: null);

    /// <summary><c>docker build --network host</c> (the testbed's dockerd has no bridge), BuildKit on unless the caller's environment says otherwise.</summary>
    public Task<CommandResult> BuildAsync(string contextDirectory, string tag, CancellationToken cancellationToken) =>
        BuildAsync(contextDirectory, tag, new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken);

    /// <summary><c>docker build --network host --progress plain [--build-arg K=V ...] [-f dockerfile] [--target stage] -t tag context</c>.</summary>
    public Task<CommandResult> BuildAsync(
        string contextDirectory, string tag, IReadOnlyDictionary<string, string> buildArguments, CancellationToken cancellationToken,
        string? dockerfile = null, string? target = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("DOCKER_BUILDKIT") is null)
            environment["DOCKER_BUILDKIT"] = "1";
        var arguments = new List<string> { "build", "--network", "host", "--progress", "plain" };
        foreach (var (name, value) in buildArguments.OrderBy(a => a.Key, StringComparer.Ordinal))
            arguments.AddRange(["--build-arg", $"{name}={value}"]);
        if (dockerfile is not null)
            arguments.AddRange(["-f", dockerfile]);
        if (target is not null)
            arguments.AddRange(["--target", target]);
        arguments.AddRange(["-t", tag, contextDirectory]);
        return Runner.RunAsync(Executable, arguments, BuildTimeout, cancellationToken, environment: environment);
    }

    /// <summary><c>docker run -d --network host -e K=V ... image</c>; the container id, or the failed result.</summary>
    public async Task<(string? ContainerId, CommandResult Result)> RunDetachedAsync(
        string image, IReadOnlyDictionary<string, string> environment, string name, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "run", "-d", "--network", "host", "--name", name };
        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            arguments.Add("-e");
            arguments.Add($"{key}={value}");
        }
        arguments.Add(image);
        var result = await RunAsync(arguments, cancellationToken);
        var id = result.StandardOutput.Trim();
        return (result.Succeeded && id.Length > 0 ? id : null, result);
    }

    /// <summary><c>docker inspect -f FORMAT target</c>, trimmed; null when inspect fails.</summary>
    public async Task<string?> InspectAsync(string target, string format, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["inspect", "-f", format, target], cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>
    /// The uid of every process in the container, from the host's view (<c>docker top ID -eo uid,pid</c>; dockerd insists on a PID column):
    /// works for images without a shell or <c>id</c>.
    /// </summary>
    public async Task<(IReadOnlyList<int> Uids, CommandResult Result)> ProcessUidsAsync(string containerId, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["top", containerId, "-eo", "uid,pid"], cancellationToken);
        var uids = new List<int>();
        foreach (var line in result.StandardOutput.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (columns.Length > 0 && int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
                uids.Add(uid);
        }
        return (uids, result);
    }

    /// <summary><c>docker stop -t 10</c>, timed from the caller's side.</summary>
    public async Task<(TimeSpan Elapsed, CommandResult Result)> StopAsync(string containerId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await RunAsync(["stop", "-t", "10", containerId], cancellationToken);
        return (clock.Elapsed, result);
    }

    public async Task<string> LogsAsync(string containerId, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["logs", "--tail", "200", containerId], cancellationToken);
        return (result.StandardOutput + result.StandardError).TrimEnd();
    }

    /// <summary>Streams the container's filesystem as a tar (<c>docker export</c>) to <paramref name="consume"/>.</summary>
    public Task<CommandResult> ExportAsync(string containerId, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken) =>
        Runner.StreamAsync(Executable, ["export", containerId], consume, TimeSpan.FromMinutes(5), cancellationToken);

    /// <summary>Best-effort cleanup: never throws, never waits on the test's cancellation.</summary>
    public async Task RemoveContainerAsync(string containerId) =>
        await Runner.RunAsync(Executable, ["rm", "-f", "-v", containerId], ShortTimeout, CancellationToken.None, environment: null);

    /// <summary>Best-effort cleanup: never throws, never waits on the test's cancellation.</summary>
    public async Task RemoveImageAsync(string image) =>
        await Runner.RunAsync(Executable, ["rmi", "-f", image], ShortTimeout, CancellationToken.None, environment: null);

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}
