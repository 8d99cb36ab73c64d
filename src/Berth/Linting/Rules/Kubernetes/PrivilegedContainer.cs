using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8301: a privileged container has every capability and the host's devices: a container escape is one step away.</summary>
public sealed class PrivilegedContainer : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8301", "privileged-container", Severity.Error,
        "A container runs privileged", ["kube-score/container-security-context-privileged", "kube-linter/privileged-container", "polaris/runAsPrivileged", "pss/privileged"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.SecurityContext?["privileged"] is YamlScalar { Boolean: true } privileged)
            Add(findings, pod, privileged, $"{container.Display} runs privileged: every capability and the host's devices (Pod Security baseline forbids it)", "privileged: false");
    }
}
