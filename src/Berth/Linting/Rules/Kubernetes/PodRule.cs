using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>A rule that looks at each pod template in the set as a whole (pod-level fields, volumes).</summary>
public abstract class PodRule : KubernetesRule
{
    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var pod in context.PodTemplates)
            Check(context, pod, findings);
    }

    protected abstract void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings);

    protected void Add(KubernetesFindingSink findings, PodTemplate pod, YamlValue node, string message, string? fix = null) =>
        findings.Add(Info, pod.Owner, node, message, fix);
}
