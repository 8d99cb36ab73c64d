using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8807: kubectl is not on PATH, so the Kustomize folder was linted as its resource files are written (patches and generators not applied).</summary>
public sealed class KustomizeNotRendered : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8807", "kustomize-not-rendered", Severity.Info,
        "A Kustomize folder was not rendered (kubectl is not on PATH): its resource files were linted as written", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Kustomization is { Render.Status: RenderStatus.ToolAbsent } tree)
            findings.AddAt(Info, new SourceLocation(tree.KustomizationFile, TextSpan.Start), "not rendered: kubectl is not on PATH, so the resource files were linted as written, without patches, generators, prefixes or labels; install kubectl to lint what kustomize builds");
    }
}
