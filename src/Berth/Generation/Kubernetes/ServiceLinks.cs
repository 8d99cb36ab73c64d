using Berth.Apps;

namespace Berth.Generation.Kubernetes;

/// <summary>
/// Finds which service's variables name another service of the same repository: <c>CATALOG_URL</c> in one service and a service
/// named <c>catalog</c> (or <c>catalog-service</c>, <c>catalog-api</c>); a generic <c>BACKEND_URL</c> / <c>API_URL</c> when there is
/// exactly one other service. Secrets are never links (their values are not Berth's to write).
/// </summary>
public static class ServiceLinks
{
    private static readonly string[] Prefixes = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_"];
    private static readonly string[] Suffixes = ["_BASE_URL", "_URL", "_URI", "_ENDPOINT", "_HOST", "_ADDR", "_ADDRESS"];
    private static readonly string[] ServiceSuffixes = ["_SERVICE", "_SVC", "_API", "_BACKEND"];
    private static readonly string[] Generic = ["BACKEND", "API", "SERVER", "UPSTREAM"];

    public static IReadOnlyList<ServiceLink> Find(IReadOnlyList<ServiceProfile> services)
    {
        var links = new List<ServiceLink>();
        foreach (var from in services)
        {
            foreach (var variable in from.Env.Where(e => !e.Secret))
            {
                if (Token(variable.Name) is not { } token)
                    continue;
                var others = services.Where(s => s.Name != from.Name).ToList();
                var named = others.Where(s => Names(s.Name).Contains(token)).ToList();
                var target = named.Count == 1 ? named[0]
                    : named.Count == 0 && Generic.Contains(token) && others.Count == 1 ? others[0]
                    : null;
                if (target is not null)
                    links.Add(new ServiceLink(from.Name, variable.Name, target.Name, variable.BuildTime, variable.Source));
            }
        }
        return links;
    }

    /// <summary>The value a run-time link variable gets: the Service's DNS name (with scheme and port unless the name asks for a host).</summary>
    public static string Value(ServiceLink link, int port) =>
        link.Variable.EndsWith("_HOST", StringComparison.Ordinal) ? link.To
        : link.Variable.EndsWith("_ADDR", StringComparison.Ordinal) || link.Variable.EndsWith("_ADDRESS", StringComparison.Ordinal) ? $"{link.To}:{port}"
        : $"http://{link.To}:{port}";

    private static string? Token(string name)
    {
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                return name[..^suffix.Length];
        }
        return null;
    }

    private static HashSet<string> Names(string service)
    {
        var upper = service.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
        var names = new HashSet<string>(StringComparer.Ordinal) { upper };
        foreach (var suffix in ServiceSuffixes)
        {
            if (upper.EndsWith(suffix, StringComparison.Ordinal) && upper.Length > suffix.Length)
                names.Add(upper[..^suffix.Length]);
        }
        return names;
    }
}
