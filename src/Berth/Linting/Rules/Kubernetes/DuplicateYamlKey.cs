using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8002: a mapping repeats a key; Kubernetes keeps the last value, so the first is silently lost (strict decoders refuse it).</summary>
public sealed class DuplicateYamlKey : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8002", "duplicate-yaml-key", Severity.Error,
        "A mapping repeats a key: only the last value is applied", ["kubeconform/strict"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var file in context.Set.Files)
        {
            foreach (var problem in file.Problems.Where(p => p.Kind == YamlProblemKind.DuplicateKey))
                findings.AddAt(Info, new SourceLocation(file.File, problem.Span), problem.Message);
        }
    }
}
