using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8319: the pod spec uses the deprecated <c>serviceAccount</c> field instead of <c>serviceAccountName</c>.</summary>
public sealed class DeprecatedServiceAccountField : PodRule
{
    public override RuleInfo Info { get; } = new("BK8319", "deprecated-service-account-field", Severity.Warning,
        "The pod spec sets the deprecated serviceAccount field", ["kube-linter/deprecated-service-account-field"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        if (pod.Spec.KeyOf("serviceAccount") is { } key && pod.Spec["serviceAccountName"] is null)
            Add(findings, pod, key, "serviceAccount is deprecated; use serviceAccountName", $"serviceAccountName: {pod.Spec["serviceAccount"]?.Text}");
    }
}
