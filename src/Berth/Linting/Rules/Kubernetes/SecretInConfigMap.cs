using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8512: a ConfigMap holds a secret-looking entry (named or shaped like a secret; the value is never shown): ConfigMaps are not access-controlled as Secrets are.</summary>
public sealed class SecretInConfigMap : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8512", "secret-in-configmap", Severity.Error,
        "A ConfigMap holds a secret-looking entry (a password, token or key by name, or a URL with a password, a private key, a cloud key by value)", ["polaris/sensitiveConfigmapContent"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var appSecrets = context.App?.Env.Where(e => e.Secret).Select(e => e.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var map in context.Set.OfKind("ConfigMap"))
        {
            foreach (var entry in map.Root["data"]?.Entries ?? [])
            {
                if (entry.Value is not YamlScalar { IsNull: false } value || SecretLooking.Placeholder(value.Value))
                    continue;
                var byName = SecretLooking.Name(entry.Key.Value) || appSecrets.Contains(entry.Key.Value);
                if (byName || SecretLooking.Value(value.Value))
                    findings.Add(Info, map, entry.Key, $"ConfigMap {map.Name} holds {entry.Key.Value}, which {(byName ? "is named like a secret" : "contains a credential")}: ConfigMaps are readable by anyone who can read the namespace's config; move it to a Secret");
            }
        }
    }
}
