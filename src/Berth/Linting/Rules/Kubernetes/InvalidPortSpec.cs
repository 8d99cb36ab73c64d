using System.Text.RegularExpressions;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8514: a port name that is not a valid IANA service name (at most 15 lowercase letters, digits and '-'), a port number out of range, or a port name used twice in a pod.</summary>
public sealed partial class InvalidPortSpec : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8514", "invalid-port", Severity.Error,
        "A container or Service port name is not a valid service name (≤15 chars, lowercase, digits, '-'), a number is out of 1-65535, or a name repeats in a pod",
        ["kube-linter/invalid-target-ports", "kube-score/container-ports-check"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var pod in context.PodTemplates)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var container in pod.AllContainers)
            {
                foreach (var (port, number, name) in container.Ports)
                {
                    if (port["name"] is YamlScalar nameNode && name is not null)
                    {
                        Name(pod.Owner, nameNode, findings);
                        if (!names.Add(name))
                            findings.Add(Info, pod.Owner, nameNode, $"port name '{name}' is used twice in {pod.Owner.Display}'s pod");
                    }
                    if (port["containerPort"] is YamlScalar { Integer: { } n } numberNode && n is < 1 or > 65535)
                        findings.Add(Info, pod.Owner, numberNode, $"containerPort {n} is out of range (1-65535)");
                    else if (port["containerPort"] is null or YamlScalar { IsNull: true })
                        findings.Add(Info, pod.Owner, port, $"a port of {container.Display} has no containerPort (required): the API server refuses the object");
                }
            }
        }
        foreach (var service in context.Set.OfKind("Service"))
        {
            foreach (var port in service.Root["spec"]?["ports"]?.Items ?? [])
            {
                if (port["name"] is YamlScalar { IsNull: false } name)
                    Name(service, name, findings);
                if (port["targetPort"] is YamlScalar { IsNull: false } target && target.Integer is null)
                    Name(service, target, findings);
                foreach (var field in new[] { "port", "targetPort" })
                {
                    if (port[field] is YamlScalar { Integer: { } n } numberNode && n is < 1 or > 65535)
                        findings.Add(Info, service, numberNode, $"{field} {n} is out of range (1-65535)");
                }
            }
        }
    }

    private void Name(KubeObject owner, YamlScalar name, KubernetesFindingSink findings)
    {
        if (name.Value.Length > 15 || !ServiceName().IsMatch(name.Value) || name.Value.Contains("--", StringComparison.Ordinal))
            findings.Add(Info, owner, name, $"port name '{name.Value}' is not a valid service name: at most 15 characters, lowercase letters, digits and single '-', at least one letter");
    }

    [GeneratedRegex("^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex ServiceName();
}
