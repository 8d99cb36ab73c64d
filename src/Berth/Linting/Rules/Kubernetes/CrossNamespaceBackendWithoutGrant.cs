using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8905: a route sends to a Service in another namespace and no ReferenceGrant in that namespace allows it: RefNotPermitted.</summary>
public sealed class CrossNamespaceBackendWithoutGrant : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8905", "cross-namespace-backend-without-grant", Severity.Error,
        "A route's backendRef names a Service in another namespace and no ReferenceGrant there allows the route's kind and namespace", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var grants = context.Objects.Where(o => o.Group == GatewayRoutes.Group && o.Is("ReferenceGrant")).ToList();
        foreach (var route in GatewayRoutes.Routes(context))
        {
            var from = GatewayRoutes.NamespaceOf(route);
            foreach (var (reference, name, ns) in GatewayRoutes.ServiceBackends(route))
            {
                if (ns == from || grants.Any(g => Allows(g, route, from, ns, name)))
                    continue;
                findings.Add(Info, route, reference["namespace"] ?? reference, $"{route.Kind} {route.Name} (namespace {(from.Length > 0 ? from : "default")}) sends to Service {name} in namespace {ns}, and no ReferenceGrant in {ns} allows it: ResolvedRefs=False (RefNotPermitted)");
            }
        }
    }

    private static bool Allows(KubeObject grant, KubeObject route, string from, string ns, string service) =>
        GatewayRoutes.NamespaceOf(grant) == ns
        && (grant.Root["spec"]?["from"]?.Items ?? []).Any(f => f["group"]?.Text == GatewayRoutes.Group && f["kind"]?.Text == route.Kind && (f["namespace"]?.Text ?? "") == from)
        && (grant.Root["spec"]?["to"]?.Items ?? []).Any(t => (t["group"]?.Text ?? "") == "" && t["kind"]?.Text == "Service" && (t["name"]?.Text is null || t["name"]?.Text == service));
}
