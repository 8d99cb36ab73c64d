using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8402: a tag-pinned image pulled IfNotPresent: a retagged image is not picked up on nodes that have the old one.</summary>
public sealed class ImagePullPolicyNotAlways : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8402", "image-pull-policy-not-always", Severity.Info,
        "A container pulls a tagged (not digest-pinned) image with a pull policy other than Always", ["kube-score/container-image-pull-policy", "polaris/pullPolicyNotAlways"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.Node["image"] is not YamlScalar { IsNull: false } image || image.Value.Contains('@', StringComparison.Ordinal))
            return; // a digest is immutable: IfNotPresent is right
        var policy = container.Node["imagePullPolicy"];
        var tag = ImageTagMutable.Tag(image.Value);
        if (policy?.Text == "Always" || policy?.Text == "Never" || (policy is null && tag is null or "latest"))
            return; // unset with no tag or :latest defaults to Always; Never is BK8706
        Add(findings, pod, policy ?? image, $"{container.Display} pulls {image.Value} {(policy is null ? "IfNotPresent (the default for a tag)" : policy.Text)}: nodes that have an older image under this tag keep running it; pin a digest, or pull Always");
    }
}
