using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>A rule that looks at each container of each pod template in the set (init containers too unless <see cref="MainContainersOnly"/>).</summary>
public abstract class ContainerRule : KubernetesRule
{
    protected virtual bool MainContainersOnly => false;

    /// <summary>Whether pods that run to completion (Jobs, CronJobs) are checked.</summary>
    protected virtual bool IncludesJobs => true;

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var pod in context.PodTemplates)
        {
            if (!IncludesJobs && pod.RunsToCompletion)
                continue;
            foreach (var container in MainContainersOnly ? pod.Containers : pod.AllContainers)
                Check(context, pod, container, findings);
        }
    }

    protected abstract void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings);

    /// <summary>Where a finding about a container goes when the field it is about is missing: its name.</summary>
    protected static YamlValue Anchor(ContainerSpec container) => container.Node.KeyOf("name") as YamlValue ?? container.Node;

    protected void Add(KubernetesFindingSink findings, PodTemplate pod, YamlValue node, string message, string? fix = null) =>
        findings.Add(Info, pod.Owner, node, message, fix);
}
