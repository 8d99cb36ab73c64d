using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8315: an AppArmor profile other than RuntimeDefault or Localhost (field or legacy annotation) turns AppArmor off.</summary>
public sealed class AppArmorUnconfined : PodRule
{
    private const string LegacyAnnotation = "container.apparmor.security.beta.kubernetes.io/";

    public override RuleInfo Info { get; } = new("BK8315", "apparmor-unconfined", Severity.Error,
        "An AppArmor profile is Unconfined (or not RuntimeDefault/Localhost)", ["pss/appArmorProfile"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var securityContext in new[] { pod.PodSecurityContext }.Concat(pod.AllContainers.Select(c => c.SecurityContext)))
        {
            if (securityContext?["appArmorProfile"]?["type"] is YamlScalar { IsNull: false } type && type.Value is not ("RuntimeDefault" or "Localhost"))
                Add(findings, pod, type, $"appArmorProfile type {type.Value} turns AppArmor off (Pod Security baseline allows RuntimeDefault or Localhost)", "type: RuntimeDefault");
        }
        foreach (var entry in pod.Metadata?["annotations"]?.Entries ?? [])
        {
            if (entry.Key.Value.StartsWith(LegacyAnnotation, StringComparison.Ordinal) && entry.Value.Text is { } value
                && value != "runtime/default" && !value.StartsWith("localhost/", StringComparison.Ordinal))
                Add(findings, pod, entry.Value, $"AppArmor annotation {entry.Key.Value} is {value}: AppArmor is off (Pod Security baseline allows runtime/default or localhost/*)");
        }
    }
}
