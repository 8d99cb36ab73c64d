using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8904: none of a route's hostnames matches the hostname of the listeners it attaches to: the route is not accepted (NoMatchingListenerHostname).</summary>
public sealed class RouteHostnameNotOnListener : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8904", "route-hostname-not-on-listener", Severity.Error,
        "None of a route's hostnames matches the hostname of a listener it attaches to (a *. wildcard does not match the bare domain)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context))
        {
            var hostnames = route.Root["spec"]?["hostnames"];
            var names = hostnames?.Items.Select(h => h.Text).OfType<string>().ToList() ?? [];
            if (names.Count == 0)
                continue;
            foreach (var (reference, name, ns) in GatewayRoutes.ParentGateways(route))
            {
                if (GatewayRoutes.Gateway(context, name, ns) is not { } gateway)
                    continue;
                var section = reference["sectionName"]?.Text;
                var listeners = (gateway.Root["spec"]?["listeners"]?.Items ?? []).Where(l => section is null || l["name"]?.Text == section).ToList();
                if (listeners.Count == 0)
                    continue;
                if (!listeners.Any(l => names.Any(h => GatewayRoutes.Intersects(h, l["hostname"]?.Text))))
                    findings.Add(Info, route, hostnames!, $"{route.Kind} {route.Name}'s hostnames ({string.Join(", ", names)}) match no listener hostname of Gateway {name} ({string.Join(", ", listeners.Select(l => l["hostname"]?.Text ?? "any"))}): the route is not accepted (NoMatchingListenerHostname)");
            }
        }
    }
}
