using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8307: no seccomp profile (pod or container), or an Unconfined one: every system call is open to the container.</summary>
public sealed class SeccompProfileUnset : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8307", "seccomp-profile-unset", Severity.Warning,
        "A container runs without a RuntimeDefault or Localhost seccomp profile", ["kube-score/container-seccomp-profile", "polaris/linuxHardening", "pss/seccompProfile_baseline", "pss/seccompProfile_restricted"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (pod.Spec["os"]?["name"]?.Text == "windows")
            return;
        var profile = pod.Effective(container, "seccompProfile");
        var type = profile?["type"];
        if (type?.Text is "RuntimeDefault" or "Localhost")
            return;
        if (type is not null)
            Add(findings, pod, type, $"{container.Display} runs with seccomp profile {type.Text}: every system call is allowed (Pod Security baseline forbids Unconfined)", "type: RuntimeDefault");
        else
            Add(findings, pod, container.Node.KeyOf("securityContext") as YamlValue ?? Anchor(container),
                $"{container.Display} sets no seccomp profile, on it or the pod; Pod Security restricted requires seccompProfile.type RuntimeDefault or Localhost", "seccompProfile: {type: RuntimeDefault}");
    }
}
