using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8804: a top-level key of values.yaml that no template reads: setting it does nothing.</summary>
public sealed class ValueNotUsed : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8804", "value-not-used", Severity.Info,
        "A top-level key of values.yaml is read by no template (subchart and global values excepted)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is not { ValuesFile: { } valuesFile } chart || ChartFacts.ValuesRoot(chart) is not YamlMap values || ChartFacts.UsesWholeValues(chart))
            return;
        var read = ChartFacts.References(chart).Select(r => r.Path.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var indexed = chart.Templates.Select(t => t.Text).ToList();
        var subcharts = (ChartFacts.ChartRoot(chart)?["dependencies"]?.Items ?? []).SelectMany(d => new[] { d["name"]?.Text, d["alias"]?.Text }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var entry in values.Children)
        {
            var key = entry.Key.Value;
            if (key == "global" || subcharts.Contains(key) || read.Contains(key) || indexed.Any(t => t.Contains($"\"{key}\"", StringComparison.Ordinal)))
                continue;
            findings.AddAt(Info, new SourceLocation(valuesFile, entry.Key.Span), $"values.yaml sets {key}, but no template reads .Values.{key}: setting it changes nothing");
        }
    }
}
