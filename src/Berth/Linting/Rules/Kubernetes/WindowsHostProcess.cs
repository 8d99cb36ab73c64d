using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8314: a Windows HostProcess container runs directly on the node with host privileges.</summary>
public sealed class WindowsHostProcess : PodRule
{
    public override RuleInfo Info { get; } = new("BK8314", "windows-host-process", Severity.Error,
        "The pod or a container is a Windows HostProcess container", ["polaris/hostProcess", "pss/windowsHostProcess"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        var contexts = new[] { pod.PodSecurityContext }.Concat(pod.AllContainers.Select(c => c.SecurityContext));
        foreach (var securityContext in contexts)
        {
            if (securityContext?["windowsOptions"]?["hostProcess"] is YamlScalar { Boolean: true } hostProcess)
                Add(findings, pod, hostProcess, $"{pod.Owner.Display} runs a Windows HostProcess container: full access to the node (Pod Security baseline forbids it)", "hostProcess: false");
        }
    }
}
