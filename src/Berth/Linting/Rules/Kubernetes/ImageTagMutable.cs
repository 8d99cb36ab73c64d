using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8401: an image without a tag or with :latest: what runs changes under the same manifest, and rollbacks do nothing.</summary>
public sealed class ImageTagMutable : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8401", "image-tag-missing-or-latest", Severity.Warning,
        "A container image has no tag, or the tag latest", ["kube-score/container-image-tag", "kube-linter/latest-tag", "polaris/tagNotSpecified"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.Node["image"] is not YamlScalar { IsNull: false } image || image.Value.Contains('@', StringComparison.Ordinal) || image.Value.Contains("{{", StringComparison.Ordinal))
            return;
        var tag = Tag(image.Value);
        if (tag is null or "latest")
            Add(findings, pod, image, $"{container.Display} runs {image.Value}{(tag is null ? ", which has no tag (so :latest)" : "")}: the image changes under the same manifest; pin a version tag or a digest");
    }

    /// <summary>The tag: after the last ':' that comes after the last '/' (a registry port is not a tag).</summary>
    internal static string? Tag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[(colon + 1)..] : null;
    }
}
