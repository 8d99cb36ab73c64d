namespace Berth.Generation;

public enum RuntimeFlavor
{
    /// <summary>python:X.Y-slim for both stages; user 10001.</summary>
    Slim,

    /// <summary>
    /// debian:12-slim builder with Debian's python3-venv, gcr.io/distroless/python3-debian12:nonroot runtime (Python 3.11), or the
    /// debian:13-slim / python3-debian13 pair for Python 3.13 (<see cref="Python.DistrolessPython"/>); user 65532.
    /// </summary>
    Distroless,
}

public enum InstallerChoice
{
    /// <summary>The project's own tool: pip, uv, poetry, pdm or pipenv.</summary>
    Auto,

    /// <summary>Install the pins read from the lock file with pip (poetry.lock), no Poetry needed in the build.</summary>
    Pip,
}

/// <summary>What <c>berth init</c> was asked for on top of what the profile says.</summary>
public sealed record GenerationOptions
{
    public RuntimeFlavor Runtime { get; init; } = RuntimeFlavor.Slim;

    /// <summary>uvicorn or gunicorn; null keeps the profile's choice.</summary>
    public string? Server { get; init; }

    /// <summary>gunicorn worker count; null means the default.</summary>
    public int? Workers { get; init; }

    public InstallerChoice Installer { get; init; } = InstallerChoice.Auto;

    public const int DefaultWorkers = 2;
}
