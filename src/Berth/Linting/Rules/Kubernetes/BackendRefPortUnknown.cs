using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8901: a route backendRef to a Service without a port, with a port the Service does not have, or to a Service the set does not hold.</summary>
public sealed class BackendRefPortUnknown : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8901", "backend-ref-port-unknown", Severity.Error,
        "A Gateway API route's backendRef has no port, a port its Service does not expose, or names a Service not in the set", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var services = context.Set.OfKind("Service").ToList();
        foreach (var route in GatewayRoutes.Routes(context))
        {
            foreach (var (reference, name, ns) in GatewayRoutes.ServiceBackends(route))
            {
                var service = services.FirstOrDefault(s => s.Name == name && GatewayRoutes.NamespaceOf(s) == ns);
                var port = reference["port"] as YamlScalar;
                if (port is null || port.IsNull)
                {
                    findings.Add(Info, route, reference["name"] ?? reference, $"backendRef to Service {name} has no port: the API server refuses it (\"Must have port for Service reference\")");
                    continue;
                }
                if (service is null)
                {
                    if (services.Any(s => GatewayRoutes.NamespaceOf(s) == ns))
                        findings.Add(Info, route, reference["name"] ?? reference, $"{route.Kind} {route.Name} routes to Service {name}, which is not in the set: ResolvedRefs=False (BackendNotFound)");
                    continue;
                }
                var ports = service.Root["spec"]?["ports"]?.Items ?? [];
                if (ports.All(p => (p["port"] as YamlScalar)?.Integer != port.Integer))
                    findings.Add(Info, route, port, $"{route.Kind} {route.Name} sends to port {port.Value} of Service {name}, which has {IngressBackendMissing.Ports(ports)}: requests fail with 500");
            }
        }
    }
}
