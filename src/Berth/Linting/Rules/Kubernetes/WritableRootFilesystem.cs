using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8304: the container's root filesystem is writable, so an attacker (or a bug) can change the app's own files.</summary>
public sealed class WritableRootFilesystem : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8304", "writable-root-filesystem", Severity.Warning,
        "A container does not set readOnlyRootFilesystem: true",
        ["kube-score/container-security-context-readonlyrootfilesystem", "kube-linter/no-read-only-root-fs", "polaris/notReadOnlyRootFilesystem"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var setting = container.SecurityContext?["readOnlyRootFilesystem"];
        if (setting is not YamlScalar { Boolean: true })
            Add(findings, pod, setting ?? container.Node.KeyOf("securityContext") as YamlValue ?? Anchor(container),
                $"{container.Display} has a writable root filesystem; set readOnlyRootFilesystem: true and mount an emptyDir where the app writes", "readOnlyRootFilesystem: true");
    }
}
