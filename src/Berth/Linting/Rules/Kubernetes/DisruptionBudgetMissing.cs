using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8603: a multi-replica Deployment or StatefulSet that no PodDisruptionBudget in the set covers: a node drain may take every replica at once.</summary>
public sealed class DisruptionBudgetMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8603", "pdb-missing", Severity.Info,
        "A Deployment or StatefulSet with 2+ replicas is not covered by a PodDisruptionBudget in the set",
        ["kube-score/deployment-has-poddisruptionbudget", "kube-score/statefulset-has-poddisruptionbudget", "polaris/missingPodDisruptionBudget"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var budgets = context.Set.OfKind("PodDisruptionBudget").ToList();
        foreach (var workload in Workloads.Scaled(context))
        {
            if (PodTemplate.Of(workload) is not { } pod || Workloads.Replicas(context, workload) < 2)
                continue;
            if (!budgets.Any(b => b.SameNamespace(workload) && LabelSelector.Matches(b.Root["spec"]?["selector"], pod.Labels)))
                findings.Add(Info, workload, workload.Root["metadata"]?["name"] ?? workload.Root, $"no PodDisruptionBudget covers {workload.Display}: a node drain or cluster upgrade may evict every replica at once");
        }
    }
}
