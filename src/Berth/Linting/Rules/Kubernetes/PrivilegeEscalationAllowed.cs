using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8302: allowPrivilegeEscalation is not false, so setuid binaries can gain privileges (Pod Security restricted requires false).</summary>
public sealed class PrivilegeEscalationAllowed : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8302", "privilege-escalation-allowed", Severity.Warning,
        "A container does not set allowPrivilegeEscalation: false", ["kube-linter/privilege-escalation-container", "polaris/privilegeEscalationAllowed", "pss/allowPrivilegeEscalation"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (pod.Spec["os"]?["name"]?.Text == "windows")
            return;
        var setting = container.SecurityContext?["allowPrivilegeEscalation"];
        if (setting is YamlScalar { Boolean: false })
            return;
        Add(findings, pod, setting ?? container.Node.KeyOf("securityContext") as YamlValue ?? Anchor(container),
            $"{container.Display} allows privilege escalation (setuid binaries, file capabilities); Pod Security restricted requires allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false");
    }
}
