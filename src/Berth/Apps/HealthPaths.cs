namespace Berth.Apps;

/// <summary>Which route paths are health or readiness probes, and in which order a probe should prefer them.</summary>
public static class HealthPaths
{
    // Liveness-style names first: the first match is what HEALTHCHECK and liveness probes use.
    private static readonly string[] Names =
    [
        "health", "healthz", "livez", "healthcheck", "health-check", "health_check", "_health", "live", "liveness", "alive",
        "ping", "heartbeat", "status", "ready", "readyz", "readiness",
    ];

    // Words that only mean "probe" at the top level or under a health prefix: /api/db/ping or /orders/status are app routes.
    private static readonly string[] WeakNames = ["ping", "status", "heartbeat", "live", "alive"];

    /// <summary>The preference rank of a path (lower is better), or null when it is not a health path.</summary>
    public static int? Rank(string path)
    {
        var trimmed = path.Trim().TrimEnd('/');
        if (trimmed.Contains('{', StringComparison.Ordinal) || trimmed.Contains('<', StringComparison.Ordinal))
            return null; // parameterised routes are not probes
        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToArray();
        if (segments.Length == 0)
            return null;
        var last = segments[^1];
        var index = Array.IndexOf(Names, last);
        if (index < 0)
            return null;
        if (WeakNames.Contains(last) && segments.Length > 1 && Array.IndexOf(Names, segments[^2]) < 0)
            return null;
        // /health/live and /health/ready: rank as their last segment, after a bare /health.
        return index * 10 + Math.Min(segments.Length - 1, 9);
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
