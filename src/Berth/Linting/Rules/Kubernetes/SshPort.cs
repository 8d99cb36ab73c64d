using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8513: a container exposes port 22: an SSH daemon in a container is a second way in, outside kubectl exec's audit trail.</summary>
public sealed class SshPort : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8513", "ssh-port", Severity.Warning,
        "A container declares port 22 (SSH)", ["kube-linter/ssh-port"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        foreach (var (port, number, _) in container.Ports)
        {
            if (number == 22)
                Add(findings, pod, port["containerPort"]!, $"{container.Display} exposes port 22: an SSH daemon is a way in outside kubectl exec and its audit log");
        }
    }
}
