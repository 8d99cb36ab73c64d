namespace Berth.Apps.Python;

/// <summary>Which route paths are health or readiness probes, and in which order a probe should prefer them.</summary>
public static class HealthPaths
{
    // Liveness-style names first: the first match is what HEALTHCHECK and liveness probes use.
    private static readonly string[] Names =
    [
        "health", "healthz", "livez", "healthcheck", "health-check", "health_check", "_health", "live", "liveness", "alive",
        "ping", "heartbeat", "status", "ready", "readyz", "readiness",
    ];

    /// <summary>The preference rank of a path (lower is better), or null when it is not a health path.</summary>
    public static int? Rank(string path)
    {
        var trimmed = path.Trim().TrimEnd('/');
        if (trimmed.Contains('{', StringComparison.Ordinal) || trimmed.Contains('<', StringComparison.Ordinal))
            return null; // parameterised routes are not probes
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var index = Array.IndexOf(Names, last);
        if (index < 0)
            return null;
        // /health/live and /health/ready: rank as their last segment, after a bare /health.
        var depth = trimmed.Count(c => c == '/');
        return index * 10 + Math.Min(depth, 9);
    }

    public static bool IsReadiness(string path)
    {
        var last = path.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return last is "ready" or "readyz" or "readiness";
    }

    /// <summary>Joins router prefixes and a route path the way the frameworks do ("/api" + "/health" → "/api/health").</summary>
    public static string Join(params string?[] parts)
    {
        var joined = string.Concat(parts.Where(p => !string.IsNullOrEmpty(p)).Select(p => "/" + p!.Trim('/')));
        var path = joined.Replace("//", "/", StringComparison.Ordinal);
        if (path.Length == 0)
            return "/";
        var last = parts.LastOrDefault(p => !string.IsNullOrEmpty(p));
        return last is not null && last.EndsWith('/') && path != "/" ? path + "/" : path;
    }
}
