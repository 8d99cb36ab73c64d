using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8911: a route attaches to listeners none of which takes its kind: an HTTPRoute bound by sectionName or port to a TCP, TLS or UDP
/// listener, or to a listener whose allowedRoutes.kinds leaves HTTPRoute out. The route is not accepted (NotAllowedByListeners).
/// </summary>
public sealed class RouteKindNotAllowedByListener : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8911", "route-kind-not-allowed-by-listener", Severity.Error,
        "A route attaches to listeners whose protocol or allowedRoutes.kinds do not take its kind (an HTTPRoute on a TCP/TLS/UDP listener)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context))
        {
            foreach (var (reference, name, ns) in GatewayRoutes.ParentGateways(route))
            {
                if (GatewayRoutes.Gateway(context, name, ns) is not { } gateway)
                    continue;
                var section = reference["sectionName"]?.Text;
                var port = (reference["port"] as YamlScalar)?.Integer;
                var listeners = GatewayListeners.Of(gateway)
                    .Where(l => (section is null || l["name"]?.Text == section) && (port is null || (l["port"] as YamlScalar)?.Integer == port)).ToList();
                if (listeners.Count == 0 || listeners.Any(l => GatewayListeners.Kinds(l) is not { } kinds || kinds.Contains(route.Kind)))
                    continue;
                var takes = string.Join("; ", listeners.Select(Takes));
                findings.Add(Info, route, reference["sectionName"] ?? reference["port"] ?? reference,
                    $"{route.Kind} {route.Name} attaches to Gateway {name}, but {takes}: the route is not accepted (NotAllowedByListeners)");
            }
        }
    }

    private static string Takes(YamlValue listener)
    {
        var kinds = GatewayListeners.Kinds(listener)!;
        var what = kinds.Count > 0 ? string.Join(", ", kinds) : "no route kind";
        var why = listener["allowedRoutes"]?["kinds"] is YamlList { Children.Count: > 0 } ? " (allowedRoutes.kinds)" : "";
        return $"{GatewayListeners.Describe(listener)} takes {what}{why}";
    }
}
