namespace Berth.Apps.Python.Manifests;

/// <summary>A server package the production install brings without the project naming it, and what brings it.</summary>
public sealed record BroughtServer(string Name, string By);

/// <summary>
/// Which server packages (uvicorn, gunicorn) the project's production install already brings though it does not depend on them by
/// name: through an extra of a direct dependency (<c>fastapi[standard]</c> brings uvicorn), a dependency whose own requirements
/// include one (<c>uvicorn-worker</c>), or a main-group entry of the lock. The image must not install those a second time.
/// </summary>
public static class BroughtServers
{
    public static readonly IReadOnlyList<string> Servers = ["gunicorn", "uvicorn"];

    /// <summary>One row: a distribution (with the extra that matters, if any) and the servers its metadata requires.</summary>
    private sealed record Entry(string Name, string? Extra, string[] Brings);

    // Read from each project's published metadata (Requires-Dist).
    private static readonly Entry[] Entries =
    [
        new("fastapi", "standard", ["uvicorn"]),
        new("fastapi", "standard-no-fastapi-cloud-cli", ["uvicorn"]),
        new("fastapi", "all", ["uvicorn"]),
        new("fastapi-slim", "standard", ["uvicorn"]),
        new("fastapi-slim", "all", ["uvicorn"]),
        new("fastapi-cli", "standard", ["uvicorn"]),
        new("litestar", "standard", ["uvicorn"]),
        new("uvicorn-worker", null, ["gunicorn", "uvicorn"]),
    ];

    public static IReadOnlyList<BroughtServer> Find(IEnumerable<PythonRequirement> dependencies, IReadOnlyList<LockedPackage> locked, string? lockFile)
    {
        var found = new List<BroughtServer>();
        var direct = dependencies.ToList();
        foreach (var requirement in direct)
        {
            var extras = requirement.Extras.Select(PythonPackageName.Normalize).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in Entries.Where(e => e.Name == requirement.Name && (e.Extra is null || extras.Contains(e.Extra))))
            {
                var by = $"{requirement.RawName}{(entry.Extra is null ? "" : $"[{entry.Extra}]")} ({requirement.File}{(requirement.Line > 0 ? $":{requirement.Line}" : "")})";
                found.AddRange(entry.Brings.Where(s => found.All(f => f.Name != s)).Select(s => new BroughtServer(s, by)));
            }
        }
        if (lockFile is not null)
        {
            foreach (var package in locked.Where(p => Servers.Contains(p.Name) && p.Groups.Contains(UvLockReader.MainGroup) && found.All(f => f.Name != p.Name)))
                found.Add(new BroughtServer(package.Name, $"{lockFile} (main group, {package.Version})"));
        }
        return found.Where(f => direct.All(d => d.Name != f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
