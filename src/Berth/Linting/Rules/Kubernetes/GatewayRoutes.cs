using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>Gateway API routes, their parentRefs and backendRefs with the defaults the spec gives (kind Gateway/Service, the route's namespace).</summary>
internal static class GatewayRoutes
{
    public const string Group = "gateway.networking.k8s.io";

    public static IEnumerable<KubeObject> Routes(KubernetesLintContext context) =>
        context.Objects.Where(o => o.Group == Group && o.Kind is "HTTPRoute" or "GRPCRoute" or "TLSRoute" or "TCPRoute" or "UDPRoute");

    public static string NamespaceOf(KubeObject subject) => subject.Namespace ?? "";

    public static IEnumerable<(YamlValue Ref, string Name, string Namespace)> ParentGateways(KubeObject route) =>
        (route.Root["spec"]?["parentRefs"]?.Items ?? [])
            .Where(p => (p["kind"]?.Text ?? "Gateway") == "Gateway" && (p["group"]?.Text ?? Group) == Group)
            .Select(p => (p, p["name"]?.Text ?? "", p["namespace"]?.Text ?? NamespaceOf(route)));

    /// <summary>The Service backendRefs of every rule (and of every rule's filters' mirrors, not followed).</summary>
    public static IEnumerable<(YamlValue Ref, string Name, string Namespace)> ServiceBackends(KubeObject route) =>
        (route.Root["spec"]?["rules"]?.Items ?? []).SelectMany(r => r["backendRefs"]?.Items ?? [])
            .Where(b => (b["kind"]?.Text ?? "Service") == "Service" && (b["group"]?.Text ?? "") == "")
            .Select(b => (b, b["name"]?.Text ?? "", b["namespace"]?.Text ?? NamespaceOf(route)));

    public static KubeObject? Gateway(KubernetesLintContext context, string name, string ns) =>
        context.Objects.FirstOrDefault(o => o.Group == Group && o.Is("Gateway") && o.Name == name && NamespaceOf(o) == ns);

    /// <summary>Whether a route hostname and a listener hostname (null: any) can match: equal, or one a wildcard covering the other.</summary>
    public static bool Intersects(string route, string? listener)
    {
        if (listener is null || route == listener)
            return true;
        static bool Covers(string wildcard, string host) => wildcard.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(wildcard[1..], StringComparison.Ordinal) && host.Length > wildcard.Length - 1;
        return Covers(listener, route) || Covers(route, listener);
    }
}
