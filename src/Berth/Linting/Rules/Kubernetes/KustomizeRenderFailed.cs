using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8808: <c>kubectl kustomize</c> fails on the folder: nothing can be applied.</summary>
public sealed class KustomizeRenderFailed : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8808", "kustomize-render-failed", Severity.Error,
        "kubectl kustomize fails on the folder", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Kustomization is { Render: { Status: RenderStatus.Failed } render } tree)
            findings.AddAt(Info, new SourceLocation(tree.KustomizationFile, TextSpan.Start), $"kubectl kustomize fails: {render.Error}");
    }
}
