using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8508: an Ingress backend names a Service the set does not hold (when it holds Services), or a port that Service does not have.</summary>
public sealed class IngressBackendMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8508", "ingress-backend-missing", Severity.Error,
        "An Ingress backend names a Service not in the set, or a port its Service does not have", ["kube-score/ingress-targets-service", "kube-linter/dangling-ingress"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var services = context.Set.OfKind("Service").ToList();
        foreach (var ingress in context.Set.OfKind("Ingress"))
        {
            var backends = new List<YamlValue>();
            if (ingress.Root["spec"]?["defaultBackend"] is { } fallback)
                backends.Add(fallback);
            foreach (var rule in ingress.Root["spec"]?["rules"]?.Items ?? [])
                backends.AddRange((rule["http"]?["paths"]?.Items ?? []).Select(p => p["backend"]).OfType<YamlValue>());
            foreach (var backend in backends)
            {
                // networking.k8s.io/v1 has service or resource; serviceName/servicePort are the retired v1beta1 fields (BK8004 reports those versions).
                if (ingress.ApiVersion == "networking.k8s.io/v1" && backend is YamlMap && backend["service"] is null && backend["resource"] is null)
                {
                    findings.Add(Info, ingress, backend, $"Ingress {ingress.Name} has a backend with neither service nor resource"
                        + (backend["serviceName"] is not null ? " (serviceName and servicePort are extensions/v1beta1 fields; networking.k8s.io/v1 uses service.name and service.port)" : "") + ": the API server refuses it");
                    continue;
                }
                if (services.Count == 0 || backend["service"] is not { } reference || reference["name"] is not YamlScalar { IsNull: false } name)
                    continue;
                var service = services.FirstOrDefault(s => s.Name == name.Value && s.SameNamespace(ingress));
                if (service is null)
                {
                    findings.Add(Info, ingress, name, $"Ingress {ingress.Name} routes to Service {name.Value}, which is not in the set (Services here: {string.Join(", ", services.Select(s => s.Name).Distinct())})");
                    continue;
                }
                var port = reference["port"];
                var servicePorts = service.Root["spec"]?["ports"]?.Items ?? [];
                if (port?["number"] is YamlScalar { Integer: { } number } numberNode && servicePorts.All(p => (p["port"] as YamlScalar)?.Integer != number))
                    findings.Add(Info, ingress, numberNode, $"Ingress {ingress.Name} uses port {number} of Service {service.Name}, which has {Ports(servicePorts)}");
                else if (port?["name"] is YamlScalar { IsNull: false } portName && servicePorts.All(p => p["name"]?.Text != portName.Value))
                    findings.Add(Info, ingress, portName, $"Ingress {ingress.Name} uses port '{portName.Value}' of Service {service.Name}, which has {Ports(servicePorts)}");
            }
        }
    }

    internal static string Ports(IReadOnlyList<YamlValue> ports) =>
        ports.Count == 0 ? "no ports" : "ports " + string.Join(", ", ports.Select(p => p["name"]?.Text is { } n ? $"{n}={p["port"]?.Text}" : p["port"]?.Text));
}
