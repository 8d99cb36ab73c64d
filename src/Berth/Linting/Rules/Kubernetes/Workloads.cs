using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>Facts about scaled workloads (Deployments and StatefulSets) shared by the availability rules.</summary>
internal static class Workloads
{
    public static IEnumerable<KubeObject> Scaled(KubernetesLintContext context) => context.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet");

    /// <summary>The HorizontalPodAutoscaler in the set that scales <paramref name="workload"/>, if any.</summary>
    public static KubeObject? Autoscaler(KubernetesLintContext context, KubeObject workload) =>
        context.Set.OfKind("HorizontalPodAutoscaler").FirstOrDefault(h => h.SameNamespace(workload)
            && h.Root["spec"]?["scaleTargetRef"]?["kind"]?.Text == workload.Kind && h.Root["spec"]?["scaleTargetRef"]?["name"]?.Text == workload.Name);

    /// <summary>The replicas written (1 when unset, as the API defaults), or the HPA's minReplicas when one scales it.</summary>
    public static long Replicas(KubernetesLintContext context, KubeObject workload) =>
        Autoscaler(context, workload) is { } hpa ? (hpa.Root["spec"]?["minReplicas"] as YamlScalar)?.Integer ?? 1
        : (workload.Root["spec"]?["replicas"] as YamlScalar)?.Integer ?? 1;

    /// <summary>Where a finding about the workload's replicas goes: the replicas field, else the spec key.</summary>
    public static YamlValue ReplicasNode(KubeObject workload) =>
        workload.Root["spec"]?["replicas"] ?? workload.Root.KeyOf("spec") as YamlValue ?? workload.Root;
}
