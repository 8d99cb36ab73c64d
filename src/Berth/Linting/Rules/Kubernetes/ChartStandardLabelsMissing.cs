using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8809: an object a chart renders lacks the standard labels (app.kubernetes.io/name, instance, managed-by) that tools and selectors rely on.</summary>
public sealed class ChartStandardLabelsMissing : KubernetesRule
{
    private static readonly string[] Standard = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by"];

    public override RuleInfo Info { get; } = new("BK8809", "chart-standard-labels-missing", Severity.Info,
        "An object rendered by a Helm chart lacks app.kubernetes.io/name, app.kubernetes.io/instance or app.kubernetes.io/managed-by", ["polaris/metadataAndInstanceMismatched"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is not { Render.Status: RenderStatus.Rendered })
            return;
        foreach (var subject in context.Objects)
        {
            var missing = Standard.Where(l => !subject.Labels.ContainsKey(l)).ToList();
            if (missing.Count > 0)
                findings.Add(Info, subject, subject.Metadata?["labels"] ?? subject.Metadata ?? subject.Root, $"{subject.Display} lacks the standard label{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}: `helm ls`, dashboards and two releases side by side rely on them; use the chart's labels helper");
        }
    }
}
