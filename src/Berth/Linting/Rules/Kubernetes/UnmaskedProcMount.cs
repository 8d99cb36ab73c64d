using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8312: procMount other than Default unmasks /proc paths the runtime hides (kernel and host information).</summary>
public sealed class UnmaskedProcMount : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8312", "unmasked-proc-mount", Severity.Error,
        "A container sets procMount to something other than Default", ["kube-linter/unsafe-proc-mount", "polaris/procMount", "pss/procMount"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.SecurityContext?["procMount"] is YamlScalar { IsNull: false } mount && mount.Value != "Default")
            Add(findings, pod, mount, $"{container.Display} sets procMount: {mount.Value}: /proc is not masked (Pod Security baseline forbids it)", "procMount: Default");
    }
}
