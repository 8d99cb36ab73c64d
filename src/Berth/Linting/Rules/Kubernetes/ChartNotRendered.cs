using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8805: helm is not on PATH, so the chart's templates were not rendered and only Chart.yaml and values were checked.</summary>
public sealed class ChartNotRendered : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8805", "chart-not-rendered", Severity.Info,
        "A Helm chart's templates were not rendered (helm is not on PATH): only Chart.yaml and values were checked", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is { Render.Status: RenderStatus.ToolAbsent } chart)
            findings.AddAt(Info, ChartFacts.ChartStart(chart), $"templates not rendered: helm is not on PATH, so the {chart.Templates.Count} template file(s) were not linted; install helm to lint what the chart deploys");
    }
}
