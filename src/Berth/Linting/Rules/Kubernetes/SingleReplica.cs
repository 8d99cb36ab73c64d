using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8601: a Deployment or StatefulSet runs one replica (and no HPA scales it): every rollout, eviction or node drain is an outage.</summary>
public sealed class SingleReplica : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8601", "single-replica", Severity.Warning,
        "A Deployment or StatefulSet runs fewer than 2 replicas and no HorizontalPodAutoscaler scales it (not flagged in development overlays)",
        ["kube-score/deployment-replicas", "polaris/deploymentMissingReplicas", "kube-linter/minimum-three-replicas"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.IsDevelopment)
            return;
        foreach (var workload in Workloads.Scaled(context))
        {
            if (Workloads.Autoscaler(context, workload) is null && Workloads.Replicas(context, workload) < 2)
                findings.Add(Info, workload, Workloads.ReplicasNode(workload), $"{workload.Display} runs {Workloads.Replicas(context, workload)} replica: a node drain, an eviction or a crash is an outage", "replicas: 2");
        }
    }
}
