using System.Text.RegularExpressions;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8806: <c>helm template</c> fails with the chart's own values (and the ones given): nothing can be installed.</summary>
public sealed partial class ChartRenderFailed : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8806", "chart-render-failed", Severity.Error,
        "helm template fails with the chart's values (and --values/--set given)", ["helm-lint/templates"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is not { Render: { Status: RenderStatus.Failed } render } chart)
            return;
        var error = render.Error ?? "helm template failed";
        var match = TemplateError().Match(error);
        var location = ChartFacts.ChartStart(chart);
        if (match.Success)
        {
            var file = Path.Combine(chart.Folder, match.Groups["path"].Value.Replace('/', Path.DirectorySeparatorChar));
            var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (File.Exists(file))
                location = new SourceLocation(file, new TextSpan(line, Math.Max(1, column), line, Math.Max(1, column) + 1));
        }
        findings.AddAt(Info, location, $"helm template fails: {error}");
    }

    [GeneratedRegex(@"[^/\s(:]+/(?<path>(charts/[^:\s]+/)?templates/[^:\s)]+):(?<line>\d+)(:(?<column>\d+))?")]
    private static partial Regex TemplateError();
}
