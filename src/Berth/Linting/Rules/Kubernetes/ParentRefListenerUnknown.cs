using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8903: a parentRef's sectionName or port names no listener of the Gateway in the set: the parentRef is ignored and the route is not served.</summary>
public sealed class ParentRefListenerUnknown : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8903", "parent-ref-listener-unknown", Severity.Error,
        "A parentRef's sectionName or port matches no listener of its Gateway (in the set)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context))
        {
            foreach (var (reference, name, ns) in GatewayRoutes.ParentGateways(route))
            {
                if (GatewayRoutes.Gateway(context, name, ns) is not { } gateway)
                    continue;
                var listeners = gateway.Root["spec"]?["listeners"]?.Items ?? [];
                if (reference["sectionName"] is YamlScalar { IsNull: false } section && listeners.All(l => l["name"]?.Text != section.Value))
                    findings.Add(Info, route, section, $"Gateway {name} has no listener named '{section.Value}' (listeners: {string.Join(", ", listeners.Select(l => l["name"]?.Text))}): this parentRef is ignored");
                if (reference["port"] is YamlScalar { Integer: { } port } portNode && listeners.All(l => (l["port"] as YamlScalar)?.Integer != port))
                    findings.Add(Info, route, portNode, $"Gateway {name} has no listener on port {port}: this parentRef is ignored");
            }
        }
    }
}
