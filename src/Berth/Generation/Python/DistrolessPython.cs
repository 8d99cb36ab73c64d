namespace Berth.Generation.Python;

/// <summary>
/// A distroless Python runtime and the builder that matches it: distroless ships the Python of its Debian release at
/// <c>/usr/bin/pythonX.Y</c>, so the venv is built in that Debian's slim image with its <c>python3-venv</c> (the same interpreter path:
/// the venv's link resolves in the runtime too).
/// </summary>
public sealed record DistrolessPython(string Minor, string BuilderImage, string RuntimeImage)
{
    /// <summary>Debian 12 (bookworm) ships 3.11, Debian 13 (trixie) 3.13; no distroless image ships 3.12 or 3.14.</summary>
    public static IReadOnlyList<DistrolessPython> All { get; } =
    [
        new("3.11", "debian:12-slim", "gcr.io/distroless/python3-debian12:nonroot"),
        new("3.13", "debian:13-slim", "gcr.io/distroless/python3-debian13:nonroot"),
    ];

    /// <summary>The interpreter the runtime has, and the venv links to.</summary>
    public string Interpreter => "/usr/bin/python" + Minor;

    /// <summary>The runtime that ships <paramref name="minor"/>, or null when none does.</summary>
    public static DistrolessPython? For(string minor) => All.FirstOrDefault(d => d.Minor == minor);

    /// <summary>"3.11 (gcr.io/distroless/python3-debian12:nonroot) or 3.13 (...)", for messages.</summary>
    public static string Described => string.Join(" or ", All.Select(d => $"{d.Minor} ({d.RuntimeImage})"));
}
