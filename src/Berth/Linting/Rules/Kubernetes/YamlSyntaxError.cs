using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8001: a manifest, Chart.yaml or values file is not valid YAML (or hits a bound: alias bomb, nesting); the rest of the file is not read.</summary>
public sealed class YamlSyntaxError : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8001", "yaml-syntax-error", Severity.Error,
        "A manifest, Chart.yaml or values file is not valid YAML, or is too deeply nested or alias-expanded to read", ["kube-linter/_parse", "kubeconform/parse"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var file in context.Set.Files)
            Report(file.File, file.Problems, findings);
        if (context.Set.Chart is { } chart)
        {
            Report(chart.ChartFile, chart.Chart.Problems, findings);
            if (chart.ValuesFile is not null && chart.Values is not null)
                Report(chart.ValuesFile, chart.Values.Problems, findings);
        }
    }

    private void Report(string file, IReadOnlyList<YamlProblem> problems, KubernetesFindingSink findings)
    {
        foreach (var problem in problems.Where(p => p.Kind == YamlProblemKind.Syntax))
            findings.AddAt(Info, new SourceLocation(file, problem.Span), problem.Message);
    }
}
