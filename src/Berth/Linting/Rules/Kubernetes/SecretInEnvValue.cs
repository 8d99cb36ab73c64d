using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8511: a secret written as a literal env value in the manifest (the value is never shown): anyone who can read the manifest or the pod spec has it.</summary>
public sealed class SecretInEnvValue : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8511", "secret-in-env-value", Severity.Error,
        "A secret-looking env variable (or one the app marks secret) has a literal value instead of a secretKeyRef", ["kube-linter/env-var-secret", "polaris/sensitiveContainerEnvVar"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var appSecrets = context.App?.Env.Where(e => e.Secret).Select(e => e.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var env in container.Node["env"]?.Items ?? [])
        {
            if (env["name"]?.Text is not { } name || env["value"] is not YamlScalar { IsNull: false } value || SecretLooking.Placeholder(value.Value))
                continue;
            if (SecretLooking.Name(name) || appSecrets.Contains(name) || SecretLooking.Value(value.Value))
                Add(findings, pod, value, $"{container.Display} sets {name} to a literal value{(appSecrets.Contains(name) ? " (the app treats it as a secret)" : "")}: anyone who can read the manifest or the pod has it; use valueFrom.secretKeyRef",
                    $"valueFrom: {{secretKeyRef: {{name: <secret>, key: {name}}}}}");
        }
    }
}
