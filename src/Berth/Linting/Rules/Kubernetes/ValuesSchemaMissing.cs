namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8802: a chart without values.schema.json: a typo in a values file or --set is rendered silently instead of refused.</summary>
public sealed class ValuesSchemaMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8802", "values-schema-missing", Severity.Info,
        "A Helm chart has no values.schema.json", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is { HasValuesSchema: false } chart)
            findings.AddAt(Info, ChartFacts.ChartStart(chart), $"chart {Path.GetFileName(Path.GetFullPath(chart.Folder))} has no values.schema.json: helm cannot refuse a misspelt or mistyped value (replicas: \"2\", image.tga)");
    }
}
