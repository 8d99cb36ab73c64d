using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8310: a hostPath volume mounts the node's filesystem into the pod (the container runtime socket is a node takeover).</summary>
public sealed class HostPathVolume : PodRule
{
    public override RuleInfo Info { get; } = new("BK8310", "host-path-volume", Severity.Error,
        "The pod mounts a hostPath volume", ["kube-linter/sensitive-host-mounts", "kube-linter/docker-sock", "kube-linter/writable-host-mount", "polaris/hostPathSet", "pss/hostPathVolumes"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var volume in pod.Spec["volumes"]?.Items ?? [])
        {
            if (volume["hostPath"] is not { } hostPath)
                continue;
            var path = hostPath["path"]?.Text ?? "";
            var socket = path.EndsWith(".sock", StringComparison.Ordinal);
            Add(findings, pod, hostPath, $"volume '{volume["name"]?.Text}' mounts {path} from the node"
                + (socket ? ": the container runtime socket gives root on the node" : " (Pod Security baseline forbids hostPath)"));
        }
    }
}
