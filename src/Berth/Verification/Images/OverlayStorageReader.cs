using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Berth.Verification.Images;

/// <summary>
/// Reads an image's config and layers straight from a local Docker engine's overlay2 storage, when this process can read it: the facts
/// <c>docker save</c> streams, without the engine first copying, hashing and tarring every layer (1.6 s for python:3.11-slim alone).
/// <para>
/// Docker keeps, beside each layer, the layer tar's exact headers in their original order (<c>tar-split.json.gz</c>: raw header segments
/// between file payloads); <c>docker save</c> itself rebuilds the layer tar from them and the layer's directory. Replaying those headers
/// with zeros in place of the payloads gives the same entries as the saved tar, and the first line of a small executable (its
/// interpreter) is read from the file in the layer's directory.
/// </para>
/// <para>
/// Everything is found by content address, so nothing can come from the wrong image: the config file must hash to the image ID, each
/// layer is looked up by its chain ID in the layer database, and that entry's diff file must name the layer's diff ID. Any other case —
/// another storage driver, a remote engine, storage this process may not read, a missing file — returns null with the reason, and
/// verify falls back to <c>docker save</c>.
/// </para>
/// </summary>
public static class OverlayStorageReader
{
    /// <summary>The image read from storage, or null and why not.</summary>
    public static async Task<(ImageArchive? Archive, string Reason)> TryReadAsync(ImageInspection inspection, CancellationToken cancellationToken)
    {
        if (inspection.StorageDriver != "overlay2" || StorageRoot(inspection.UpperDir) is not { } root)
            return (null, $"storage driver {(inspection.StorageDriver.Length == 0 ? "unknown" : inspection.StorageDriver)}, not Docker's overlay2");
        try
        {
            return await ReadAsync(inspection, root, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            return (null, $"{root} cannot be read here ({e.GetType().Name}: {e.Message})");
        }
    }

    private static async Task<(ImageArchive?, string)> ReadAsync(ImageInspection inspection, string root, CancellationToken cancellationToken)
    {
        var imageId = inspection.Id.StartsWith("sha256:", StringComparison.Ordinal) ? inspection.Id["sha256:".Length..] : "";
        var configPath = Path.Combine(root, "image", "overlay2", "imagedb", "content", "sha256", imageId);
        if (imageId.Length != 64 || !File.Exists(configPath))
            return (null, $"image {inspection.Id} is not in {root} (a remote engine, or storage this process cannot see)");
        var configBytes = await File.ReadAllBytesAsync(configPath, cancellationToken);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(configBytes)), imageId, StringComparison.Ordinal))
            return (null, $"{configPath} does not hash to the image ID");

        var history = ImageArchiveReader.LayerHistory(Encoding.UTF8.GetString(configBytes));
        var layerDb = Path.Combine(root, "image", "overlay2", "layerdb", "sha256");
        var layers = new List<ImageLayer>(inspection.LayerDiffIds.Count);
        var chainId = "";
        for (var i = 0; i < inspection.LayerDiffIds.Count; i++)
        {
            var diffId = inspection.LayerDiffIds[i];
            chainId = i == 0 ? diffId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(chainId + " " + diffId)));
            var entry = Path.Combine(layerDb, chainId["sha256:".Length..]);
            var tarSplit = Path.Combine(entry, "tar-split.json.gz");
            if (await EntryFileAsync(entry, "diff", cancellationToken) != diffId || await EntryFileAsync(entry, "cache-id", cancellationToken) is not { } cacheId
                || !File.Exists(tarSplit))
            {
                return (null, $"layer {i} ({diffId}) is not in {layerDb}");
            }
            var directory = Path.Combine(root, "overlay2", cacheId, "diff");
            if (cacheId.Length == 0 || cacheId.Contains('/') || !Directory.Exists(directory))
                return (null, $"layer {i}'s directory {directory} is missing");

            await using var headers = new TarSplitStream(new GZipStream(File.OpenRead(tarSplit), CompressionMode.Decompress));
            var layerDirectory = new LayerDirectory(directory);
            var files = await ImageArchiveReader.ReadLayerAsync(headers, (path, _, token) => layerDirectory.ShebangAsync(path, token), cancellationToken);
            layers.Add(ImageLayer.Of(i, inspection.LayerDiffIds.Count, history, files));
        }
        return (new ImageArchive(layers), $"read from the engine's overlay2 storage in {root}");
    }

    /// <summary>A layer database entry's one-line file (<c>diff</c>, <c>cache-id</c>), trimmed; null when the entry has none.</summary>
    private static async Task<string?> EntryFileAsync(string entry, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(entry, name);
        return File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).Trim() : null;
    }

    /// <summary><c>/var/lib/docker/overlay2/ID/diff</c> → <c>/var/lib/docker</c>.</summary>
    internal static string? StorageRoot(string upperDir)
    {
        var diff = upperDir.TrimEnd('/');
        if (!diff.StartsWith('/') || Path.GetFileName(diff) != "diff")
            return null;
        var layerDirectory = Path.GetDirectoryName(diff);
        var drivers = layerDirectory is null ? null : Path.GetDirectoryName(layerDirectory);
        return drivers is not null && Path.GetFileName(drivers) == "overlay2" ? Path.GetDirectoryName(drivers) : null;
    }

    /// <summary>
    /// A layer's directory on the engine's host, read only for the first line of small executables. Every step of the path must be a real
    /// directory (not a symlink, which could lead off the layer and onto the host), and so must the file.
    /// </summary>
    private sealed class LayerDirectory(string root)
    {
        private readonly Dictionary<string, bool> _realDirectories = new(StringComparer.Ordinal) { [""] = true };

        public async ValueTask<string?> ShebangAsync(string path, CancellationToken cancellationToken)
        {
            if (path.Split('/').Any(part => part is "" or "." or "..") || !IsRealDirectory(Parent(path)))
                return null;
            var file = new FileInfo(Path.Combine(root, path));
            if (!file.Exists || file.LinkTarget is not null)
                return null;
            await using var stream = new FileStream(file.FullName, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 0 });
            return await ImageArchiveReader.ReadShebangAsync(stream, cancellationToken);
        }

        private bool IsRealDirectory(string relative)
        {
            if (_realDirectories.TryGetValue(relative, out var real))
                return real;
            var directory = new DirectoryInfo(Path.Combine(root, relative));
            real = IsRealDirectory(Parent(relative)) && directory.Exists && directory.LinkTarget is null;
            _realDirectories[relative] = real;
            return real;
        }

        private static string Parent(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";
    }
}
