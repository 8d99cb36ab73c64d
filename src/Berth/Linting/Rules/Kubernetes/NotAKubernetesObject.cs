namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8003: a document of a manifest file has no apiVersion or kind (or is not a mapping): kubectl refuses it.</summary>
public sealed class NotAKubernetesObject : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8003", "not-a-kubernetes-object", Severity.Error,
        "A document in a manifest file has no apiVersion or kind, or is not a mapping", ["kubeconform/missing-kind", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var stray in context.Set.Files.SelectMany(f => f.Strays))
            findings.AddAt(Info, stray.Location, $"{stray.Message}: kubectl apply refuses it");
    }
}
