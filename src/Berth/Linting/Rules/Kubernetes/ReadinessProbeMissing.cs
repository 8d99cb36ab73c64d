using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8101: a long-running container without a readinessProbe gets traffic before it can answer and while it is overloaded.</summary>
public sealed class ReadinessProbeMissing : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8101", "readiness-probe-missing", Severity.Warning,
        "A long-running container has no readinessProbe", ["kube-score/pod-probes", "kube-linter/no-readiness-probe", "polaris/readinessProbeMissing"]);

    protected override bool MainContainersOnly => true;

    protected override bool IncludesJobs => false;

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.Node["readinessProbe"] is null)
            Add(findings, pod, Anchor(container), $"{container.Display} of {pod.Owner.Display} has no readinessProbe: it is sent traffic before it can answer");
    }
}
