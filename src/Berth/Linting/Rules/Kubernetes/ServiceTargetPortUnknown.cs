using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8503: a Service's targetPort names a port no selected container declares, or a number none of them declares.</summary>
public sealed class ServiceTargetPortUnknown : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8503", "service-target-port-unknown", Severity.Error,
        "A Service targetPort is a port name (or number) that no container of the selected pods declares", ["kube-linter/dangling-service"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var service in context.Set.OfKind("Service"))
        {
            var selector = KubeObject.Strings(service.Root["spec"]?["selector"]);
            var selected = context.PodTemplates.Where(p => p.Owner.SameNamespace(service) && LabelSelector.MatchesMap(selector, p.Labels)).ToList();
            if (selected.Count == 0)
                continue;
            var ports = selected.SelectMany(p => p.Containers).SelectMany(c => c.Ports).ToList();
            foreach (var port in service.Root["spec"]?["ports"]?.Items ?? [])
            {
                var target = port["targetPort"] ?? port["port"];
                if (target is not YamlScalar { IsNull: false } scalar)
                    continue;
                if (scalar.Integer is { } number)
                {
                    if (ports.Count > 0 && ports.All(p => p.Number != number))
                        findings.Add(Info, service, scalar, $"Service {service.Name} sends port {port["port"]?.Text} to {number}, but the selected containers declare {Declared(ports)}");
                }
                else if (ports.All(p => p.Name != scalar.Value))
                {
                    findings.Add(Info, service, scalar, $"Service {service.Name} targets the port named '{scalar.Value}', which no selected container declares ({Declared(ports)}): connections are refused");
                }
            }
        }
    }

    private static string Declared(List<(YamlMap Port, long? Number, string? Name)> ports) =>
        ports.Count == 0 ? "no ports" : string.Join(", ", ports.Select(p => p.Name is null ? $"{p.Number}" : $"{p.Name}={p.Number}").Distinct());
}
