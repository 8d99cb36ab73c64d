using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8602: replicas without pod anti-affinity or topology spread may all land on one node.</summary>
public sealed class AntiAffinityMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8602", "anti-affinity-missing", Severity.Info,
        "A Deployment or StatefulSet with 2+ replicas has no pod anti-affinity or topologySpreadConstraints",
        ["kube-score/deployment-has-host-podantiaffinity", "kube-score/statefulset-has-host-podantiaffinity", "kube-linter/no-anti-affinity", "polaris/topologySpreadConstraint"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var workload in Workloads.Scaled(context))
        {
            if (PodTemplate.Of(workload) is not { } pod || Workloads.Replicas(context, workload) < 2)
                continue;
            if (pod.Spec["topologySpreadConstraints"]?.Items.Count > 0)
                continue;
            var antiAffinity = pod.Spec["affinity"]?["podAntiAffinity"];
            if (antiAffinity is null)
                findings.Add(Info, workload, Workloads.ReplicasNode(workload), $"{workload.Display}'s replicas may all be scheduled on one node: add podAntiAffinity on kubernetes.io/hostname or topologySpreadConstraints");
            else if (!SelectsOwnPods(antiAffinity, pod))
                findings.Add(Info, workload, antiAffinity, $"{workload.Display}'s podAntiAffinity selects none of its own pods, so its replicas may still all be scheduled on one node: match the pod template's labels");
        }
    }

    /// <summary>Whether a required or preferred anti-affinity term's labelSelector matches the pod template's own labels.</summary>
    private static bool SelectsOwnPods(YamlValue antiAffinity, PodTemplate pod)
    {
        var required = antiAffinity["requiredDuringSchedulingIgnoredDuringExecution"]?.Items ?? [];
        var preferred = (antiAffinity["preferredDuringSchedulingIgnoredDuringExecution"]?.Items ?? []).Select(p => p["podAffinityTerm"]).OfType<YamlValue>();
        return required.Concat(preferred).Any(term => LabelSelector.Matches(term["labelSelector"], pod.Labels));
    }
}
