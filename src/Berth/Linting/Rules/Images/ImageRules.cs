namespace Berth.Linting.Rules.Images;

/// <summary>The base image, stage, COPY/ADD, metadata and BuildKit-check family (BDF1xx, BDF3xx, BDF5xx).</summary>
public static class ImageRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } = [];
}
