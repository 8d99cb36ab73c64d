namespace Berth.Apps.Python.Stated;

/// <summary>A step the repository runs before its server starts (a migration), where it says so.</summary>
public sealed record StatedStep(string Command, string File, int Line);

/// <summary>
/// What the repository itself states about starting the service, outside its Python code: the server command line (with the
/// port it binds: Port), the port its Dockerfile exposes or gunicorn.conf binds (ExposedPort: weaker than the code's own), the Python image it builds on, and the steps it runs before serving.
/// Each with the file and line that states it; null where nothing does.
/// </summary>
public sealed record StatedStart(
    ServerCommandLine? Server,
    Evidence? ServerSource,
    int? Port,
    Evidence? PortSource,
    int? ExposedPort,
    Evidence? ExposedPortSource,
    string? PythonMinor,
    Evidence? PythonSource,
    IReadOnlyList<StatedStep> PreStartSteps)
{
    public static StatedStart None { get; } = new(null, null, null, null, null, null, null, null, []);

    /// <summary>Every server command line the repository states (its Dockerfiles, start scripts, compose files), for the flags they carry.</summary>
    public IReadOnlyList<StatedCommand> Commands { get; init; } = [];

    /// <summary>What a gunicorn config file (<c>gunicorn.conf.py</c>, <c>gunicorn.conf</c>) assigns.</summary>
    public IReadOnlyList<StatedServerOption> GunicornConfig { get; init; } = [];

    /// <summary>What the repository's Dockerfile gives gunicorn through <c>ENV GUNICORN_CMD_ARGS</c> and <c>ENV WEB_CONCURRENCY</c>.</summary>
    public IReadOnlyList<StatedServerOption> ServerEnvironment { get; init; } = [];
}

/// <summary>Where a server command line is written, in the order its flags take precedence.</summary>
public enum StatedCommandKind
{
    Dockerfile,
    Procfile,
    StartScript,
    Compose,
}

/// <summary>A server command line the repository writes, where (Source), in what kind of file, and whether the file is named for production.</summary>
public sealed record StatedCommand(ServerCommandLine Line, Evidence Source, StatedCommandKind Kind, bool ProductionNamed);
