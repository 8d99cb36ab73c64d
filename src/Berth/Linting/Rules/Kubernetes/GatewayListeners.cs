using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>A Gateway's listeners with the fields the listener rules read, and the route kinds each protocol takes by default.</summary>
internal static class GatewayListeners
{
    public static IEnumerable<KubeObject> Gateways(KubernetesLintContext context) =>
        context.Objects.Where(o => o.Group == GatewayRoutes.Group && o.Is("Gateway"));

    public static IReadOnlyList<YamlValue> Of(KubeObject gateway) => gateway.Root["spec"]?["listeners"]?.Items ?? [];

    public static string Describe(YamlValue listener) => $"listener '{listener["name"]?.Text}' ({listener["protocol"]?.Text})";

    /// <summary>The route kinds a listener takes: its allowedRoutes.kinds (of the Gateway API group), else its protocol's (null: a protocol Berth does not know).</summary>
    public static IReadOnlyList<string>? Kinds(YamlValue listener)
    {
        if (listener["allowedRoutes"]?["kinds"] is YamlList { Children.Count: > 0 } kinds)
            return [.. kinds.Children.Where(k => (k["group"]?.Text ?? GatewayRoutes.Group) == GatewayRoutes.Group).Select(k => k["kind"]?.Text).OfType<string>()];
        return listener["protocol"]?.Text switch
        {
            "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
            "TLS" => ["TLSRoute", "TCPRoute"],
            "TCP" => ["TCPRoute"],
            "UDP" => ["UDPRoute"],
            _ => null,
        };
    }
}
