using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8316: SELinux options that Pod Security baseline forbids: a custom user or role, or a type other than the container types.</summary>
public sealed class SeLinuxOptionsSet : PodRule
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t" };

    public override RuleInfo Info { get; } = new("BK8316", "selinux-options-forbidden", Severity.Error,
        "seLinuxOptions set a user, a role or a type other than container_t/container_init_t/container_kvm_t/container_engine_t", ["pss/seLinuxOptions"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var securityContext in new[] { pod.PodSecurityContext }.Concat(pod.AllContainers.Select(c => c.SecurityContext)))
        {
            if (securityContext?["seLinuxOptions"] is not { } options)
                continue;
            if (options["type"] is YamlScalar { IsNull: false } type && !Types.Contains(type.Value))
                Add(findings, pod, type, $"seLinuxOptions type {type.Value} is not a container type (Pod Security baseline)");
            foreach (var field in new[] { "user", "role" })
            {
                if (options[field] is YamlScalar { IsNull: false } value && value.Value.Length > 0)
                    Add(findings, pod, value, $"seLinuxOptions sets {field} {value.Value} (Pod Security baseline forbids a custom SELinux {field})");
            }
        }
    }
}
