using System.Text.RegularExpressions;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8801: Chart.yaml lacks or mistypes what Helm needs: apiVersion v2, a valid name, a SemVer version, a string appVersion.</summary>
public sealed partial class ChartMetadataInvalid : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8801", "chart-metadata-invalid", Severity.Error,
        "Chart.yaml's apiVersion is not v2, or its name, version (SemVer 2) or appVersion (a string) is missing or invalid", ["helm-lint/chartfile"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is not { } chart || chart.Chart.Problems.Any(p => p.Kind == YamlProblemKind.Syntax))
            return;
        var root = ChartFacts.ChartRoot(chart);
        void Report(YamlValue? node, string message, string? fix = null) =>
            findings.AddAt(Info, node is null ? ChartFacts.ChartStart(chart) : new SourceLocation(chart.ChartFile, node.Span), message, fix);
        switch (root?["apiVersion"]?.Text)
        {
            case null:
                Report(null, "Chart.yaml has no apiVersion (helm needs v2)", "apiVersion: v2");
                break;
            case "v1":
                Report(root["apiVersion"], "Chart.yaml apiVersion v1 is the Helm 2 format: dependencies and type need v2", "apiVersion: v2");
                break;
            case not "v2":
                Report(root["apiVersion"], $"Chart.yaml apiVersion {root["apiVersion"]?.Text} is not v1 or v2: helm refuses the chart", "apiVersion: v2");
                break;
        }
        if (root?["name"]?.Text is not { } name)
            Report(null, "Chart.yaml has no name");
        else if (!Name().IsMatch(name))
            Report(root["name"], $"chart name '{name}' is not valid: lowercase letters, digits and '-' (no dots, underscores or upper case)");
        if (root?["version"] is not YamlScalar { IsNull: false } version)
            Report(null, "Chart.yaml has no version");
        else if (!SemVer().IsMatch(version.Value))
            Report(version, $"chart version '{version.Value}' is not SemVer 2 (MAJOR.MINOR.PATCH): helm package and repositories refuse it");
        if (root?["appVersion"] is YamlScalar { Quoted: false, IsNull: false } appVersion && (appVersion.Integer is not null || double.TryParse(appVersion.Value, System.Globalization.CultureInfo.InvariantCulture, out _)))
            Report(appVersion, $"appVersion {appVersion.Value} is a YAML number (1.10 reads as 1.1); quote it", $"appVersion: \"{appVersion.Value}\"");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();
}
