using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8504: env or envFrom reads a ConfigMap/Secret key that the object in the set does not define: the pod does not start.</summary>
public sealed class EnvReferenceMissing : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8504", "env-reference-missing", Severity.Error,
        "configMapKeyRef/secretKeyRef names a key that the ConfigMap or Secret in the set does not have", ["kube-linter/env-value-from"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        foreach (var env in container.Node["env"]?.Items ?? [])
        {
            foreach (var (field, kind) in new[] { ("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret") })
            {
                if (env["valueFrom"]?[field] is not { } reference || reference["optional"] is YamlScalar { Boolean: true })
                    continue;
                var name = reference["name"]?.Text;
                var source = context.Objects.FirstOrDefault(o => o.Is(kind) && o.Name == name && o.SameNamespace(pod.Owner));
                if (source is null || reference["key"] is not YamlScalar { IsNull: false } key)
                    continue;
                var keys = Keys(source);
                if (!keys.Contains(key.Value))
                    Add(findings, pod, key, $"env {env["name"]?.Text} reads key '{key.Value}' of {kind} {name}, which has {(keys.Count == 0 ? "no keys" : string.Join(", ", keys.Order(StringComparer.Ordinal)))}: the container fails to start (CreateContainerConfigError)");
            }
        }
    }

    internal static HashSet<string> Keys(KubeObject source) =>
        [.. new[] { "data", "stringData", "binaryData" }.SelectMany(f => source.Root[f]?.Entries ?? []).Select(e => e.Key.Value)];
}
