using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8505: a PodDisruptionBudget whose selector matches no pod template in the set: it protects nothing.</summary>
public sealed class DisruptionBudgetSelectsNothing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8505", "pdb-selects-nothing", Severity.Warning,
        "A PodDisruptionBudget's selector matches no pod template in the set", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var pods = context.PodTemplates.ToList();
        if (pods.Count == 0)
            return;
        foreach (var budget in context.Set.OfKind("PodDisruptionBudget"))
        {
            var selector = budget.Root["spec"]?["selector"];
            if (selector is not null && !pods.Any(p => p.Owner.SameNamespace(budget) && LabelSelector.Matches(selector, p.Labels)))
                findings.Add(Info, budget, selector, $"PodDisruptionBudget {budget.Name} selects no pod template in the set: it protects nothing");
        }
    }
}
