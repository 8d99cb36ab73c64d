using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8004: an object uses an apiVersion that Kubernetes (or Gateway API) deprecated or no longer serves.</summary>
public sealed class RetiredApiVersion : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8004", "retired-api-version", Severity.Error,
        "The object's apiVersion is removed from Kubernetes (or deprecated) for its kind", ["kube-score/stable-version", "kube-linter/no-extensions-v1beta", "helm-lint/deprecated-api"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects)
        {
            if (KubeApiCatalog.RetiredFor(subject.ApiVersion, subject.Kind) is not { } retired)
                continue;
            var status = retired.RemovedIn is null ? "is deprecated" : $"is not served since Kubernetes {retired.RemovedIn}";
            findings.Add(Info, subject, subject.Root["apiVersion"]!, $"{subject.ApiVersion} {subject.Kind} {status}; use {retired.Replacement}",
                retired.Replacement.Contains('/', StringComparison.Ordinal) ? $"apiVersion: {retired.Replacement}" : null);
        }
    }
}
