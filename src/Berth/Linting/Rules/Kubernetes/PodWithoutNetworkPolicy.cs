using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8516: a long-running workload whose pods no NetworkPolicy in the set selects: every pod in the cluster can reach it, and it can
/// reach everything. Pods that run to completion (Jobs, CronJobs) are left out: they serve no traffic.
/// </summary>
public sealed class PodWithoutNetworkPolicy : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8516", "pod-without-networkpolicy", Severity.Warning,
        "A workload's pods are selected by no NetworkPolicy in the set", ["kube-score/pod-networkpolicy", "kube-linter/non-isolated-pod", "polaris/missingNetworkPolicy"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var policies = context.Set.OfKind("NetworkPolicy").ToList();
        foreach (var pod in context.PodTemplates.Where(p => !p.RunsToCompletion))
        {
            var selected = policies.Any(policy => policy.SameNamespace(pod.Owner)
                && policy.Root["spec"]?["podSelector"] is YamlMap selector && LabelSelector.Matches(selector, pod.Labels));
            if (!selected)
                findings.Add(Info, pod.Owner, pod.Metadata ?? pod.Owner.Root,
                    $"{pod.Owner.Display}: no NetworkPolicy in the set selects its pods, so any pod in the cluster reaches them and they reach anything; add one that allows only the traffic they need");
        }
    }
}
