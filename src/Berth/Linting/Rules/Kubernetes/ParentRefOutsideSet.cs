namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8902: a route attaches to a Gateway that is not in the set: Berth cannot check its listeners, and a typo leaves the route with no status at all.</summary>
public sealed class ParentRefOutsideSet : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8902", "parent-ref-outside-set", Severity.Info,
        "A Gateway API route's parentRef names a Gateway that is not in the set (external, or a typo)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context))
        {
            foreach (var (reference, name, ns) in GatewayRoutes.ParentGateways(route))
            {
                if (GatewayRoutes.Gateway(context, name, ns) is null)
                    findings.Add(Info, route, reference["name"] ?? reference, $"{route.Kind} {route.Name} attaches to Gateway {name}{(ns.Length > 0 ? $" in namespace {ns}" : "")}, which is not in the set: taken as external (its listeners are not checked); a wrong name or a missing namespace leaves the route with no status at all");
            }
        }
    }
}
