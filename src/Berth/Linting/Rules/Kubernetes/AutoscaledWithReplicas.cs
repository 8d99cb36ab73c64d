using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8605: a workload an HPA scales also sets spec.replicas: every apply resets it, undoing the autoscaler.</summary>
public sealed class AutoscaledWithReplicas : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8605", "hpa-with-static-replicas", Severity.Warning,
        "A Deployment or StatefulSet scaled by a HorizontalPodAutoscaler also sets spec.replicas", ["kube-score/deployment-targeted-by-hpa-does-not-have-replicas-configured"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var workload in Workloads.Scaled(context))
        {
            if (workload.Root["spec"]?["replicas"] is { } replicas && Workloads.Autoscaler(context, workload) is { } hpa)
                findings.Add(Info, workload, replicas, $"{workload.Display} sets replicas {replicas.Text} but HorizontalPodAutoscaler {hpa.Name} scales it: every apply resets the count; remove replicas");
        }
    }
}
