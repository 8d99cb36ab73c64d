using Berth.Verification.Engine;

namespace Berth.EndToEnd.Compose;

/// <summary>
/// The compose engine on PATH: the v2 plugin (<c>docker compose</c>) when the docker client has it, else Debian's
/// <c>docker-compose</c> 1.29. Version 1 has no <c>up --wait</c>: <see cref="WaitsByItself"/> tells the caller to poll health itself.
/// </summary>
public sealed class ComposeCli
{
    private static readonly ProcessCommandRunner Runner = new();
    private static readonly Lazy<Task<(ComposeCli? Cli, string Detail)>> Probe = new(ProbeAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private ComposeCli(string executable, IReadOnlyList<string> prefix, string version)
    {
        Executable = executable;
        Prefix = prefix;
        Version = version;
    }

    public string Executable { get; }
    public IReadOnlyList<string> Prefix { get; }
    public string Version { get; }

    /// <summary>Compose v2 waits for healthy services with <c>up --wait</c>.</summary>
    public bool WaitsByItself => Prefix.Count > 0;

    public string Name => WaitsByItself ? "docker compose" : "docker-compose";

    /// <summary>The compose engine, or an xunit skip that says loudly why the compose tests did not run.</summary>
    public static async Task<ComposeCli> RequireAsync()
    {
        var (cli, detail) = await Probe.Value;
        if (cli is not null)
            return cli;
        var message = $"NO COMPOSE ENGINE: {detail} (.ci/run installs Debian's docker-compose when apt-get can) - compose end-to-end tests did not run";
        await Console.Error.WriteLineAsync(message);
        Assert.Skip(message);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }

    /// <param name="environment">Extra variables (COMPOSE_DOCKER_CLI_BUILD for 1.29's BuildKit builds).</param>
    public Task<CommandResult> RunAsync(string directory, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null) =>
        Runner.RunAsync(Executable, [.. Prefix, "--project-directory", directory, .. arguments], timeout, cancellationToken, environment: environment);

    private static async Task<(ComposeCli?, string)> ProbeAsync()
    {
        var plugin = await Runner.RunAsync("docker", ["compose", "version", "--short"], TimeSpan.FromSeconds(20), CancellationToken.None);
        if (plugin.Succeeded && plugin.StandardOutput.Trim().Length > 0)
            return (new ComposeCli("docker", ["compose"], plugin.StandardOutput.Trim()), "docker compose " + plugin.StandardOutput.Trim());
        var standalone = await Runner.RunAsync("docker-compose", ["version", "--short"], TimeSpan.FromSeconds(20), CancellationToken.None);
        if (standalone.Succeeded && standalone.StandardOutput.Trim().Length > 0)
            return (new ComposeCli("docker-compose", [], standalone.StandardOutput.Trim()), "docker-compose " + standalone.StandardOutput.Trim());
        return (null, $"neither `docker compose` ({plugin.Describe(2)}) nor `docker-compose` ({standalone.Describe(2)}) answers");
    }
}
