using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8506: a HorizontalPodAutoscaler whose scaleTargetRef names no object in the set.</summary>
public sealed class AutoscalerTargetMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8506", "hpa-target-missing", Severity.Error,
        "A HorizontalPodAutoscaler's scaleTargetRef names no object in the set", ["kube-score/horizontalpodautoscaler-has-target", "kube-linter/dangling-horizontalpodautoscaler"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var autoscaler in context.Set.OfKind("HorizontalPodAutoscaler"))
        {
            var target = autoscaler.Root["spec"]?["scaleTargetRef"];
            if (target is null)
                continue;
            var kind = target["kind"]?.Text;
            var name = target["name"]?.Text;
            if (!context.Objects.Any(o => o.Kind == kind && o.Name == name && o.SameNamespace(autoscaler)))
                findings.Add(Info, autoscaler, target, $"HorizontalPodAutoscaler {autoscaler.Name} scales {kind} {name}, which is not in the set");
        }
    }
}
