using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8309: a container port is bound on the node (hostPort): one pod per node, and it bypasses Services and NetworkPolicies.</summary>
public sealed class HostPort : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8309", "host-port", Severity.Warning,
        "A container port sets hostPort", ["polaris/hostPortSet", "pss/hostPorts"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        foreach (var (port, _, _) in container.Ports)
        {
            if (port["hostPort"] is YamlScalar { Integer: > 0 } hostPort)
                Add(findings, pod, hostPort, $"{container.Display} binds hostPort {hostPort.Value} on the node: one such pod per node, and traffic bypasses the Service (Pod Security baseline forbids it)");
        }
    }
}
