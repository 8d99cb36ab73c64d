using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8303: nothing stops the container from running as root: runAsNonRoot is not true (pod or container), or runAsUser is 0.</summary>
public sealed class MayRunAsRoot : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8303", "may-run-as-root", Severity.Warning,
        "A container may run as root: runAsNonRoot is not true, or runAsUser is 0",
        ["kube-score/container-security-context-user-group-id", "kube-linter/run-as-non-root", "polaris/runAsRootAllowed", "pss/runAsNonRoot", "pss/runAsUser"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (pod.Spec["hostUsers"] is YamlScalar { Boolean: false })
            return; // a user namespace: root in the container is not root on the node
        var user = pod.Effective(container, "runAsUser");
        if (user is YamlScalar { Integer: 0 })
        {
            Add(findings, pod, user, $"{container.Display} runs as UID 0 (root)", "runAsUser: 10001");
            return;
        }
        var nonRoot = pod.Effective(container, "runAsNonRoot");
        if (nonRoot is YamlScalar { Boolean: true })
            return;
        var why = user is YamlScalar { Integer: > 0 } uid
            ? $"runs as UID {uid.Value} but does not set runAsNonRoot: true (Pod Security restricted requires it)"
            : "may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser, so the image's USER decides";
        Add(findings, pod, nonRoot ?? container.Node.KeyOf("securityContext") as YamlValue ?? Anchor(container), $"{container.Display} {why}", "runAsNonRoot: true");
    }
}
