using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8313: the pod sets a sysctl outside the namespaced safe set: it changes the node's kernel for every pod.</summary>
public sealed class UnsafeSysctl : PodRule
{
    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
        "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
    };

    public override RuleInfo Info { get; } = new("BK8313", "unsafe-sysctl", Severity.Error,
        "The pod sets a sysctl outside Kubernetes' safe set", ["kube-linter/unsafe-sysctls", "pss/sysctls"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var sysctl in pod.PodSecurityContext?["sysctls"]?.Items ?? [])
        {
            if (sysctl["name"] is YamlScalar { IsNull: false } name && !Safe.Contains(name.Value))
                Add(findings, pod, name, $"sysctl {name.Value} is not in the safe set: the kubelet rejects the pod unless allowed, and it can affect the whole node (Pod Security baseline forbids it)");
        }
    }
}
