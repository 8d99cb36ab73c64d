namespace Berth.Generation.Python;

/// <summary>
/// A server package Berth installs on top of the project's dependencies, with the exact version it installs and where that version
/// came from. <see cref="BuildArgument"/> names the Dockerfile ARG that carries a table pin (null when the project's lock gave it).
/// </summary>
public sealed record PinnedPackage(string Name, string Version, string Source, string? BuildArgument)
{
    /// <summary>The requirement as the install command writes it: <c>"gunicorn==${GUNICORN_VERSION}"</c> for a table pin, <c>uvicorn==0.30.6</c> from a lock.</summary>
    public string Requirement => BuildArgument is null ? $"{Name}=={Version}" : $"\"{Name}==${{{BuildArgument}}}\"";
}

/// <summary>
/// Known-good versions of the servers Berth adds when the project does not depend on them, so the image does not resolve a new
/// release at every build. Each is the newest release on PyPI when this table was last reviewed; each is a Dockerfile build
/// argument, so a team (or a mirror that lacks it) can move it without regenerating. A version the project's lock pins wins.
/// </summary>
public static class ServerPackagePins
{
    public const string Reviewed = "2026-11";

    private static readonly IReadOnlyDictionary<string, (string Version, string BuildArgument)> Table =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["gunicorn"] = ("27.0.1", "GUNICORN_VERSION"),
            ["uvicorn"] = ("0.54.0", "UVICORN_VERSION"),
        };

    public static IReadOnlyCollection<string> Packages => [.. Table.Keys];

    /// <summary>The version to install: the lock's when it pins the package, otherwise the table's.</summary>
    public static PinnedPackage For(string package, string? lockFile, IReadOnlyDictionary<string, string> lockedVersions)
    {
        if (lockFile is not null && lockedVersions.TryGetValue(package, out var locked))
            return new PinnedPackage(package, locked, $"pinned in {lockFile}", null);
        if (!Table.TryGetValue(package, out var pin))
            throw new ArgumentOutOfRangeException(nameof(package), package, "Berth has no known-good version of this package");
        return new PinnedPackage(package, pin.Version, $"Berth's known-good pin (newest release when its pin table was reviewed, {Reviewed}; change it with --build-arg {pin.BuildArgument}=...)", pin.BuildArgument);
    }
}
