using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8510: a container sets the same env variable twice; only the last one counts.</summary>
public sealed class DuplicateEnvVar : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8510", "duplicate-env-var", Severity.Warning,
        "A container's env lists the same variable twice", ["kube-score/environment-variable-key-duplication", "kube-linter/duplicate-env-var"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var env in container.Node["env"]?.Items ?? [])
        {
            if (env["name"] is not YamlScalar { IsNull: false } name)
                continue;
            if (seen.TryGetValue(name.Value, out var first))
                Add(findings, pod, name, $"{container.Display} sets {name.Value} again (first at line {first}); only the last value is used");
            else
                seen[name.Value] = pod.Owner.Locate(name).Span.Line;
        }
    }
}
