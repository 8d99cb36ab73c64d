using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8906: a route attaches to a Gateway in another namespace whose listeners allow only their own namespace (allowedRoutes from: Same, the default): NotAllowedByListeners.</summary>
public sealed class ListenerRejectsRouteNamespace : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8906", "listener-rejects-route-namespace", Severity.Error,
        "A route attaches to a Gateway in another namespace whose listeners allow routes only from the Gateway's namespace (allowedRoutes.namespaces.from: Same)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context))
        {
            foreach (var (reference, name, ns) in GatewayRoutes.ParentGateways(route))
            {
                if (ns == GatewayRoutes.NamespaceOf(route) || GatewayRoutes.Gateway(context, name, ns) is not { } gateway)
                    continue;
                var section = reference["sectionName"]?.Text;
                var listeners = (gateway.Root["spec"]?["listeners"]?.Items ?? []).Where(l => section is null || l["name"]?.Text == section).ToList();
                if (listeners.Count > 0 && listeners.All(l => (l["allowedRoutes"]?["namespaces"]?["from"]?.Text ?? "Same") is "Same" or "None"))
                    findings.Add(Info, route, reference["namespace"] ?? reference, $"Gateway {name} (namespace {ns}) accepts routes only from its own namespace (allowedRoutes.namespaces.from: Same by default): this route is rejected (NotAllowedByListeners)");
            }
        }
    }
}
