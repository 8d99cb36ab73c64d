using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8306: a container adds a capability other than NET_BIND_SERVICE (the only one Pod Security restricted allows).</summary>
public sealed class CapabilityAdded : ContainerRule
{
    private static readonly HashSet<string> Baseline = new(StringComparer.OrdinalIgnoreCase)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public override RuleInfo Info { get; } = new("BK8306", "capability-added", Severity.Error,
        "A container adds a Linux capability other than NET_BIND_SERVICE", ["polaris/dangerousCapabilities", "polaris/insecureCapabilities", "pss/capabilities_baseline", "pss/capabilities_restricted"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        foreach (var added in container.SecurityContext?["capabilities"]?["add"]?.Items ?? [])
        {
            var name = (added.Text ?? "").ToUpperInvariant();
            if (name.StartsWith("CAP_", StringComparison.Ordinal))
                name = name[4..];
            if (name == "NET_BIND_SERVICE")
                continue;
            Add(findings, pod, added, Baseline.Contains(name)
                ? $"{container.Display} adds {name}: Pod Security restricted allows only NET_BIND_SERVICE"
                : $"{container.Display} adds {name}, which Pod Security baseline forbids (a path to the host)");
        }
    }
}
