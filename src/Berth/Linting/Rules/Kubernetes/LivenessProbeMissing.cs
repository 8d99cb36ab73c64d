using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8102: a long-running container without a livenessProbe is never restarted when it hangs.</summary>
public sealed class LivenessProbeMissing : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8102", "liveness-probe-missing", Severity.Info,
        "A long-running container has no livenessProbe", ["kube-score/pod-probes", "kube-linter/no-liveness-probe", "polaris/livenessProbeMissing"]);

    protected override bool MainContainersOnly => true;

    protected override bool IncludesJobs => false;

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.Node["livenessProbe"] is null)
            Add(findings, pod, Anchor(container), $"{container.Display} of {pod.Owner.Display} has no livenessProbe: a hung process is never restarted");
    }
}
