using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8308: the pod shares the node's network, process or IPC namespace.</summary>
public sealed class HostNamespace : PodRule
{
    public override RuleInfo Info { get; } = new("BK8308", "host-namespace", Severity.Error,
        "The pod shares the node's network, PID or IPC namespace (hostNetwork, hostPID, hostIPC)",
        ["kube-linter/host-network", "kube-linter/host-pid", "kube-linter/host-ipc", "polaris/hostNetworkSet", "polaris/hostPIDSet", "polaris/hostIPCSet", "pss/hostNamespaces"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (pod.Spec[field] is YamlScalar { Boolean: true } value)
                Add(findings, pod, value, $"{pod.Owner.Display} sets {field}: true: it sees the node's {(field == "hostNetwork" ? "network interfaces and ports" : field == "hostPID" ? "processes" : "shared memory")} (Pod Security baseline forbids it)", $"{field}: false");
        }
    }
}
