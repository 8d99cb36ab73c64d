using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8604: a PodDisruptionBudget with no policy, or one that allows no eviction at all: node drains hang.</summary>
public sealed class DisruptionBudgetBlocksEviction : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8604", "pdb-blocks-eviction", Severity.Warning,
        "A PodDisruptionBudget sets neither minAvailable nor maxUnavailable, or allows no pod to be evicted",
        ["kube-score/poddisruptionbudget-has-policy", "kube-linter/pdb-max-unavailable", "kube-linter/pdb-min-available", "polaris/pdbDisruptionsIsZero", "polaris/pdbMinAvailableGreaterThanHPAMinReplicas"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var budget in context.Set.OfKind("PodDisruptionBudget"))
        {
            var spec = budget.Root["spec"];
            var min = spec?["minAvailable"] as YamlScalar;
            var max = spec?["maxUnavailable"] as YamlScalar;
            if (min is null && max is null)
            {
                findings.Add(Info, budget, budget.Root.KeyOf("spec") as YamlValue ?? budget.Root, $"PodDisruptionBudget {budget.Name} sets neither minAvailable nor maxUnavailable", "maxUnavailable: 1");
                continue;
            }
            if (max is not null && max.Value is "0" or "0%")
            {
                findings.Add(Info, budget, max, $"PodDisruptionBudget {budget.Name} allows no eviction (maxUnavailable {max.Value}): node drains and cluster upgrades hang", "maxUnavailable: 1");
                continue;
            }
            if (min is null)
                continue;
            if (min.Value == "100%")
            {
                findings.Add(Info, budget, min, $"PodDisruptionBudget {budget.Name} allows no eviction (minAvailable 100%): node drains and cluster upgrades hang", "maxUnavailable: 1");
                continue;
            }
            if (min.Integer is not { } minimum)
                continue;
            var covered = Workloads.Scaled(context).Where(w => w.SameNamespace(budget) && PodTemplate.Of(w) is { } pod && LabelSelector.Matches(spec?["selector"], pod.Labels));
            foreach (var workload in covered)
            {
                var replicas = Workloads.Replicas(context, workload);
                if (minimum >= replicas)
                    findings.Add(Info, budget, min, $"PodDisruptionBudget {budget.Name} keeps {minimum} of {workload.Display}'s {replicas} replica{(replicas == 1 ? "" : "s")} available: no pod can ever be evicted", "maxUnavailable: 1");
            }
        }
    }
}
