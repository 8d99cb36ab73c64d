using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// What a generated image promises whoever runs it, whatever the stack: the user it runs as, the port, the command, the probe routes,
/// the paths it must be able to write, how long it needs to stop and how many processes it runs. Compose and Kubernetes writers read
/// this and the profile's shared part, never a stack's own plan.
/// </summary>
public sealed record ContainerContract
{
    /// <summary>The image's tag as the build command prints it (the service name).</summary>
    public required string Image { get; init; }

    /// <summary>The numeric user the image runs as (never root).</summary>
    public required int Uid { get; init; }

    /// <summary>The numeric group the image runs as.</summary>
    public required int Gid { get; init; }

    public required int Port { get; init; }

    /// <summary>
    /// The port the app's own files state, when the image listens on another (<see cref="UnprivilegedPort"/>: a port below 1024 moved
    /// up); compose publishes it on the host. Null when the image listens where the app says.
    /// </summary>
    public int? OutsidePort { get; init; }

    /// <summary>The process the image starts (ENTRYPOINT followed by CMD), as argv.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The route a liveness check asks (a health route that is not a readiness route), or null for a TCP check.</summary>
    public HealthRoute? Liveness { get; init; }

    /// <summary>The route a readiness check asks (a ready/readyz route, else the liveness route), or null for a TCP check.</summary>
    public HealthRoute? Readiness { get; init; }

    /// <summary>Absolute paths the process writes while it runs; a read-only root filesystem needs a writable mount at each.</summary>
    public IReadOnlyList<WritablePath> WritablePaths { get; init; } = [];

    /// <summary>Seconds the server takes at most to finish in-flight requests after SIGTERM.</summary>
    public required int GracefulStopSeconds { get; init; }

    /// <summary>Server processes in one container (gunicorn workers); 1 for a single-process server.</summary>
    public required int Processes { get; init; }

    /// <summary>
    /// The stack's estimate of one server process's resident memory under load, in MiB: Kubernetes requests this times
    /// <see cref="Processes"/> and limits twice that.
    /// </summary>
    public int ProcessMemoryMiB { get; init; } = 128;

    /// <summary>Variables whose values are fixed when the image is built (build arguments), by name.</summary>
    public IReadOnlyList<string> BuildArguments { get; init; } = [];

    /// <summary>
    /// The one-shot command that brings the database schema up to date before a release starts (exec form, run in place of the
    /// image's entrypoint and command: compose runs it as a service of its own, Kubernetes as a Job), or null when the app has none.
    /// </summary>
    public IReadOnlyList<string>? MigrationCommand { get; init; }

    /// <summary>The runtime base image.</summary>
    public required string BaseImage { get; init; }
}
