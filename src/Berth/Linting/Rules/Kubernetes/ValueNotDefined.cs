using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8803: a template reads <c>.Values.a.b</c> that values.yaml does not define (and no <c>default</c> covers): it renders empty.</summary>
public sealed class ValueNotDefined : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8803", "value-not-defined", Severity.Warning,
        "A template reads a value that values.yaml does not define (and no default covers)", ["helm-lint/values-defined"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.Set.Chart is not { } chart || chart.Values is null || chart.Values.Problems.Any(p => p.Kind == YamlProblemKind.Syntax))
            return;
        var values = ChartFacts.ValuesRoot(chart);
        foreach (var reference in ChartFacts.References(chart).Where(r => !r.Defaulted))
        {
            var keys = reference.Path.Split('.');
            if (keys[0] == "global")
                continue;
            YamlValue? node = values;
            for (var i = 0; i < keys.Length; i++)
            {
                if (node is not YamlMap map || (map.Children.Count == 0 && i > 0))
                    break; // a scalar, a list, or an empty map left open for the user: not judged
                var next = map.Get(keys[i]);
                if (next is null)
                {
                    var path = string.Join('.', keys[..(i + 1)]);
                    findings.AddAt(Info, new SourceLocation(reference.File, new TextSpan(reference.Line, reference.Column, reference.Line, reference.Column + 8 + reference.Path.Length)),
                        $".Values.{reference.Path} is read here but values.yaml does not define {path}: it renders empty unless every install sets it; add it to values.yaml (documented) or use | default");
                    break;
                }
                node = next;
            }
        }
    }
}
