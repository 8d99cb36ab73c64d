using Berth.Verification.Images;

namespace Berth.Verification;

/// <summary>
/// What verify knows about an image before running it: inspect output, the layers (from the engine's storage or <c>docker save</c>), the stacked filesystem,
/// and which bottom layers are the base image's (files there are the base's business, not the Dockerfile's).
/// </summary>
public sealed record ImageFacts(string Reference, ImageInspection Inspection, IReadOnlyList<ImageLayer> Layers, int BaseLayerCount, string? BaseImage)
{
    private ImageFileSystem? _fileSystem;

    public ImageConfig Config => Inspection.Config;

    /// <summary>Where the layers were read from, for the report's notes.</summary>
    public string LayerSource { get; init; } = "";

    public ImageFileSystem FileSystem => _fileSystem ??= new ImageFileSystem(Layers);

    /// <summary>True for a file put there by the image's own layers (above the base image).</summary>
    public bool IsOwn(PlacedFile file) => file.Layer >= BaseLayerCount;

    /// <summary>The layer's history line, for evidence.</summary>
    public string LayerLabel(int layer) =>
        layer < Layers.Count ? $"layer {layer}{(layer < BaseLayerCount ? " (base)" : "")}: {TextClip.Shorten(Layers[layer].CreatedBy, 70)}" : $"layer {layer}";

    /// <summary>Whether the image says it is built on distroless (its base image, or the base.name label).</summary>
    public bool DeclaresDistroless =>
        (BaseImage ?? "").Contains("distroless", StringComparison.OrdinalIgnoreCase)
        || (Config.Labels.TryGetValue("org.opencontainers.image.base.name", out var name) && name.Contains("distroless", StringComparison.OrdinalIgnoreCase));

    /// <summary>How many bottom layers two images share (diff IDs in order): the base's layers.</summary>
    public static int SharedLayerCount(IReadOnlyList<string> image, IReadOnlyList<string> baseImage)
    {
        var count = 0;
        while (count < image.Count && count < baseImage.Count && string.Equals(image[count], baseImage[count], StringComparison.Ordinal))
            count++;
        return count == baseImage.Count ? count : 0;
    }
}
