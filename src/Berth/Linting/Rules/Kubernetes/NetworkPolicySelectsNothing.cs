using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8507: a NetworkPolicy whose podSelector matches no pod template in the set: it isolates nothing.</summary>
public sealed class NetworkPolicySelectsNothing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8507", "networkpolicy-selects-nothing", Severity.Warning,
        "A NetworkPolicy's podSelector matches no pod template in the set", ["kube-score/networkpolicy-targets-pod", "kube-linter/dangling-networkpolicy"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var pods = context.PodTemplates.ToList();
        if (pods.Count == 0)
            return;
        foreach (var policy in context.Set.OfKind("NetworkPolicy"))
        {
            var selector = policy.Root["spec"]?["podSelector"];
            if (selector is YamlMap && !pods.Any(p => p.Owner.SameNamespace(policy) && LabelSelector.Matches(selector, p.Labels)))
                findings.Add(Info, policy, selector, $"NetworkPolicy {policy.Name} selects no pod template in the set: it isolates nothing");
        }
    }
}
