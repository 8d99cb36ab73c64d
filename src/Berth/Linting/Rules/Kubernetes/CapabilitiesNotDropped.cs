using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8305: the container keeps the runtime's default capabilities (NET_RAW among them) instead of dropping ALL.</summary>
public sealed class CapabilitiesNotDropped : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8305", "capabilities-not-dropped", Severity.Warning,
        "A container does not drop ALL capabilities", ["kube-linter/drop-net-raw-capability", "polaris/insecureCapabilities", "pss/capabilities_restricted"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (pod.Spec["os"]?["name"]?.Text == "windows")
            return;
        var drop = container.SecurityContext?["capabilities"]?["drop"];
        if (drop?.Items.Any(i => string.Equals(i.Text, "ALL", StringComparison.OrdinalIgnoreCase)) == true)
            return;
        Add(findings, pod, drop ?? container.SecurityContext?["capabilities"] ?? container.Node.KeyOf("securityContext") as YamlValue ?? Anchor(container),
            $"{container.Display} keeps the default capabilities (NET_RAW lets it forge packets); Pod Security restricted requires capabilities.drop: [ALL]", "capabilities: {drop: [ALL]}");
    }
}
