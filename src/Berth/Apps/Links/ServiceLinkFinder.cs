namespace Berth.Apps.Links;

/// <summary>
/// Finds which service calls which: a variable whose URL default names another service of the repository (its name as the host, or a
/// local host on its port), or whose name says it holds a backend's address (API_URL, BACKEND_URL, NEXT_PUBLIC_API_URL, VITE_API_URL,
/// INVENTORY_SERVICE_URL, NOTES_API_URL) and points at one service only.
/// </summary>
public static class ServiceLinkFinder
{
    /// <summary>Prefixes bundlers inline at build time; the rest of the name says what the variable holds.</summary>

    /// <summary>Names of a variable holding "the backend's" address, whichever service that is.</summary>
    private static readonly string[] GenericAddressNames =
    [
        "API_URL", "API_URI", "API_BASE_URL", "API_BASE", "API_ENDPOINT", "API_HOST", "API_ROOT", "BASE_API_URL",
        "BACKEND_URL", "BACKEND_URI", "BACKEND_HOST", "BACKEND_API_URL",
    ];

    /// <summary>Name endings of a variable holding some named service's address (INVENTORY_SERVICE_URL, NOTES_API_URL).</summary>
    private static readonly string[] AddressEndings =
    [
        "_API_URL", "_API_URI", "_API_BASE_URL", "_API_HOST", "_BACKEND_URL", "_SERVICE_URL", "_SERVICE_URI", "_SERVICE_HOST", "_SVC_URL",
    ];

    /// <summary>Words of a variable that hold a browser-facing address (CORS origins, redirects), never a service to call.</summary>
    private static readonly string[] BrowserFacingWords = ["ORIGIN", "ORIGINS", "CORS", "REDIRECT", "CALLBACK", "FRONTEND", "SITE", "PUBLIC", "ALLOWED"];

    /// <summary>Service names that say "the backend" when a generic variable (API_URL) has several candidates.</summary>
    private static readonly string[] BackendNames = ["backend", "api", "server", "app-api", "backend-api"];

    public static IReadOnlyList<ServiceLink> Find(IReadOnlyList<ServiceProfile> services, List<string> notes)
    {
        var links = new List<ServiceLink>();
        foreach (var from in services)
        {
            var others = services.Where(s => s != from).ToList();
            if (others.Count == 0)
                continue;
            foreach (var variable in from.Env.Where(e => !e.Secret))
            {
                if (Target(from, variable, others, notes) is { } link)
                    links.Add(link);
            }
        }
        return links;
    }

    private static ServiceLink? Target(ServiceProfile from, EnvVariable variable, IReadOnlyList<ServiceProfile> others, List<string> notes)
    {
        var url = EnvUrl.Parse(variable.Default);
        if (url is not null && url.BaseScheme is not ("http" or "https" or "ws" or "wss" or "grpc"))
            return null;
        ServiceLink Link(ServiceProfile to, string reason) =>
            new(from.Name, to.Name, variable.Name, variable.BuildTime, reason, SourceLocation.Evidence($"{variable.Name} → {to.Name}: {reason}", variable.Source));

        // 1. the default names the service as its host: http://backend:8000
        if (url is not null && others.FirstOrDefault(s => Same(s.Name, url.Host)) is { } named)
            return Link(named, $"its default {Shown(url)} names {named.Name}");

        var stripped = Stripped(variable.Name);
        var words = stripped.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => BrowserFacingWords.Contains(w, StringComparer.Ordinal)))
            return null;
        var generic = GenericAddressNames.Contains(stripped, StringComparer.Ordinal);
        var holdsAddress = generic || AddressEndings.Any(n => stripped.EndsWith(n, StringComparison.Ordinal));
        // NOTES_API_URL, INVENTORY_SERVICE_URL, INVENTORY_URL: the part before names a service
        var prefixNamed = others.FirstOrDefault(s => NamesService(stripped, s.Name));
        if (!holdsAddress && prefixNamed is null)
            return null;
        if (url is not null && !url.IsLocal)
            return null; // an outside API (https://api.openai.com/v1)

        // 2. a local default on another service's port: http://localhost:8000
        if (url?.Port is { } port)
        {
            var onPort = others.Where(s => s.Port == port).ToList();
            if (onPort.Count == 1)
                return Link(onPort[0], $"its default {Shown(url)} is {onPort[0].Name}'s port");
            if (prefixNamed is null && onPort.Count > 1)
            {
                notes.Add($"{from.Name}: {variable.Name} ({variable.Source}) defaults to port {port}, which {string.Join(" and ", onPort.Select(s => s.Name))} all listen on: set it yourself");
                return null;
            }
        }

        // 3. the name says which service
        if (prefixNamed is not null)
            return Link(prefixNamed, $"its name names {prefixNamed.Name}{PortMismatch(url, prefixNamed)}");

        // 4. a generic address name (API_URL, not AUTH_SERVICE_URL) and one service it can mean
        if (!generic)
            return null;
        var candidates = others.Count == 1 ? others : others.Where(s => BackendNames.Contains(s.Name.ToLowerInvariant(), StringComparer.Ordinal)).ToList();
        if (candidates.Count == 1)
            return Link(candidates[0], $"{variable.Name} holds a backend's address and {candidates[0].Name} is the only {(others.Count == 1 ? "other service" : "service named as a backend")}{PortMismatch(url, candidates[0])}");
        notes.Add($"{from.Name}: {variable.Name} ({variable.Source}) holds a backend's address, and {string.Join(", ", others.Select(s => s.Name))} could each be it: set it yourself");
        return null;
    }

    private static string PortMismatch(EnvUrl? url, ServiceProfile to) =>
        url?.Port is { } port && port != to.Port ? $" (its default's port {port} is not {to.Name}'s port {to.Port})" : "";

    private static string Shown(EnvUrl url) => $"{url.Scheme}://{url.Host}{(url.Port is { } p ? ":" + p : "")}{url.Path}";

    private static string Stripped(string name)
    {
        var upper = name.ToUpperInvariant();
        var prefix = PublicBundleVariables.Prefix(name);
        return prefix is null ? upper : upper[prefix.Length..];
    }

    /// <summary>Whether a service name and a host or name part are the same ("notes-api" and "NOTES_API").</summary>
    private static bool Same(string service, string other) =>
        string.Equals(Key(service), Key(other), StringComparison.Ordinal);

    private static string Key(string name) => name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    /// <summary>INVENTORY_SERVICE_URL, INVENTORY_URL, NOTES_API_URL name "inventory-service", "inventory" and "notes-api".</summary>
    private static bool NamesService(string stripped, string service)
    {
        var key = Key(service);
        foreach (var ending in new[] { "_URL", "_URI", "_HOST", "_ENDPOINT", "_BASE_URL", "_ADDR", "_ADDRESS" })
        {
            if (!stripped.EndsWith(ending, StringComparison.Ordinal))
                continue;
            var head = stripped[..^ending.Length];
            if (head == key || head == key + "_SERVICE" || head == key + "_API" || head + "_SERVICE" == key || head + "_API" == key)
                return true;
        }
        return false;
    }
}
