using System.Text.Json;

namespace Berth.Verification.Images;

/// <summary>
/// What <c>docker image inspect REF</c> says about an image: its ID, size, runtime config and layer diff IDs, and where the engine keeps it
/// (the storage driver, and for overlay2 the top layer's directory on the engine's host).
/// </summary>
public sealed record ImageInspection(string Id, long Size, ImageConfig Config, IReadOnlyList<string> LayerDiffIds, string StorageDriver = "", string UpperDir = "")
{
    /// <summary>Parses the inspect output (a JSON array with one object). Null when it holds no image.</summary>
    public static ImageInspection? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            if (root.GetArrayLength() == 0)
                return null;
            root = root[0];
        }
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        var id = root.TryGetProperty("Id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() ?? "" : "";
        var size = root.TryGetProperty("Size", out var sizeValue) && sizeValue.TryGetInt64(out var bytes) ? bytes : 0;
        var config = root.TryGetProperty("Config", out var configValue) ? ImageConfig.Read(configValue) : new ImageConfig();
        var layers = new List<string>();
        if (root.TryGetProperty("RootFS", out var rootfs) && rootfs.ValueKind == JsonValueKind.Object
            && rootfs.TryGetProperty("Layers", out var layerList) && layerList.ValueKind == JsonValueKind.Array)
        {
            layers.AddRange(layerList.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!));
        }
        var driver = "";
        var upperDir = "";
        if (root.TryGetProperty("GraphDriver", out var graphDriver) && graphDriver.ValueKind == JsonValueKind.Object)
        {
            driver = graphDriver.TryGetProperty("Name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() ?? "" : "";
            upperDir = graphDriver.TryGetProperty("Data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("UpperDir", out var upper) && upper.ValueKind == JsonValueKind.String ? upper.GetString() ?? "" : "";
        }
        return new ImageInspection(id, size, config, layers, driver, upperDir);
    }
}
