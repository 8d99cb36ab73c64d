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
}
