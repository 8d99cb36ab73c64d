using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8606: an HPA that can scale down to one pod, or whose maximum is not above its minimum.</summary>
public sealed class AutoscalerReplicas : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8606", "hpa-replicas", Severity.Warning,
        "A HorizontalPodAutoscaler's minReplicas is below 2, or its maxReplicas is not above minReplicas",
        ["kube-score/horizontalpodautoscaler-replicas", "polaris/hpaMinAvailability", "polaris/hpaMaxAvailability", "kube-linter/hpa-minimum-three-replicas"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var hpa in context.Set.OfKind("HorizontalPodAutoscaler"))
        {
            var spec = hpa.Root["spec"];
            var minNode = spec?["minReplicas"] as YamlScalar;
            var min = minNode?.Integer ?? 1;
            if (min < 2)
                findings.Add(Info, hpa, (YamlValue?)minNode ?? hpa.Root.KeyOf("spec") as YamlValue ?? hpa.Root, $"HorizontalPodAutoscaler {hpa.Name} scales down to {min} pod: one eviction is an outage", "minReplicas: 2");
            if (spec?["maxReplicas"] is YamlScalar { Integer: { } max } maxNode && max <= min)
                findings.Add(Info, hpa, maxNode, $"HorizontalPodAutoscaler {hpa.Name} has maxReplicas {max} and minReplicas {min}: it can never scale up");
        }
    }
}
