using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Berth.Verification.Images;

/// <summary>
/// Reads the tar that <c>docker save</c> / <c>podman save</c> stream (the legacy docker-archive layout or the OCI layout with a
/// <c>manifest.json</c>), in one pass: every layer tar's entries are listed as they go by (gzip layers are unpacked), small JSON files
/// are kept, and afterwards <c>manifest.json</c> says which blob is the config and in which order the layers stack.
/// </summary>
public static class ImageArchiveReader
{
    private const int MaxJsonBytes = 8 * 1024 * 1024;
    private const int MaxShebangFileBytes = 1024 * 1024;

    public static async Task<ImageArchive> ReadAsync(Stream archive, CancellationToken cancellationToken)
    {
        var layers = new Dictionary<string, IReadOnlyList<LayerFile>>(StringComparer.Ordinal);
        var jsonFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var name = Normalize(entry.Name);
            if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink && entry.LinkName.Length > 0)
            {
                var target = entry.EntryType == TarEntryType.SymbolicLink ? Combine(Parent(name), entry.LinkName) : Normalize(entry.LinkName);
                aliases[name] = target;
                continue;
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            var head = new byte[512];
            var read = await ReadAtLeastAsync(entry.DataStream, head, cancellationToken);
            var data = new PrefixedStream(head.AsMemory(0, read), entry.DataStream);
            switch (Sniff(head.AsSpan(0, read)))
            {
                case ArchiveContent.Tar:
                    layers[name] = await ReadLayerAsync(data, cancellationToken);
                    break;
                case ArchiveContent.Gzip:
                    await using (var gzip = new GZipStream(data, CompressionMode.Decompress, leaveOpen: true))
                        layers[name] = await ReadLayerAsync(gzip, cancellationToken);
                    break;
                case ArchiveContent.EmptyTar:
                    layers[name] = [];
                    break;
                case ArchiveContent.Json when entry.Length <= MaxJsonBytes:
                    using (var text = new StreamReader(data, Encoding.UTF8))
                        jsonFiles[name] = await text.ReadToEndAsync(cancellationToken);
                    break;
            }
        }
        return Assemble(layers, jsonFiles, aliases);
    }

    private static ImageArchive Assemble(
        Dictionary<string, IReadOnlyList<LayerFile>> layers, Dictionary<string, string> jsonFiles, Dictionary<string, string> aliases)
    {
        if (!jsonFiles.TryGetValue("manifest.json", out var manifestText))
            throw new InvalidDataException("the image archive has no manifest.json (not a docker-archive or OCI archive from docker/podman save)");
        using var manifest = JsonDocument.Parse(manifestText);
        var first = manifest.RootElement.ValueKind == JsonValueKind.Array && manifest.RootElement.GetArrayLength() > 0
            ? manifest.RootElement[0]
            : throw new InvalidDataException("manifest.json of the image archive lists no image");
        string Resolve(string path)
        {
            var current = Normalize(path);
            for (var hops = 0; hops < 8 && aliases.TryGetValue(current, out var next); hops++)
                current = next;
            return current;
        }

        var configPath = first.TryGetProperty("Config", out var config) && config.ValueKind == JsonValueKind.String ? Resolve(config.GetString()!) : "";
        var layerPaths = first.TryGetProperty("Layers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(l => Resolve(l.GetString() ?? "")).ToList()
            : [];
        var history = jsonFiles.TryGetValue(configPath, out var configText) ? LayerHistory(configText) : [];
        var result = new List<ImageLayer>(layerPaths.Count);
        for (var i = 0; i < layerPaths.Count; i++)
        {
            var files = layers.TryGetValue(layerPaths[i], out var entries)
                ? entries
                : throw new InvalidDataException($"the image archive lacks layer {layerPaths[i]}");
            result.Add(ImageLayer.Of(i, layerPaths.Count, history, files));
        }
        return new ImageArchive(result);
    }

    /// <summary>The created_by of every history entry that made a layer (empty_layer entries are metadata only), cleaned for people.</summary>
    internal static IReadOnlyList<string> LayerHistory(string configJson)
    {
        using var document = JsonDocument.Parse(configJson);
        if (!document.RootElement.TryGetProperty("history", out var history) || history.ValueKind != JsonValueKind.Array)
            return [];
        var lines = new List<string>();
        foreach (var item in history.EnumerateArray())
        {
            if (item.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True)
                continue;
            var createdBy = item.TryGetProperty("created_by", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
            lines.Add(CleanCreatedBy(createdBy));
        }
        return lines;
    }

    /// <summary><c>/bin/sh -c #(nop) COPY dir:abc in /app</c> → <c>COPY dir:abc in /app</c>; BuildKit's <c> # buildkit</c> suffix dropped.</summary>
    public static string CleanCreatedBy(string createdBy)
    {
        var text = createdBy.Trim();
        const string Nop = "/bin/sh -c #(nop) ";
        if (text.StartsWith(Nop, StringComparison.Ordinal))
            text = text[Nop.Length..].Trim();
        else if (text.StartsWith("/bin/sh -c ", StringComparison.Ordinal))
            text = "RUN " + text["/bin/sh -c ".Length..];
        if (text.EndsWith("# buildkit", StringComparison.Ordinal))
            text = text[..^"# buildkit".Length].TrimEnd();
        if (text.StartsWith("RUN /bin/sh -c ", StringComparison.Ordinal))
            text = "RUN " + text["RUN /bin/sh -c ".Length..];
        return text;
    }

    private static Task<IReadOnlyList<LayerFile>> ReadLayerAsync(Stream layer, CancellationToken cancellationToken) =>
        ReadLayerAsync(layer, static (_, entry, token) => entry.DataStream is null ? ValueTask.FromResult<string?>(null) : ReadShebangAsync(entry.DataStream, token), cancellationToken);

    /// <summary>One layer tar's entries in order; <paramref name="shebang"/> reads the first line of a small executable (path, entry).</summary>
    internal static async Task<IReadOnlyList<LayerFile>> ReadLayerAsync(
        Stream layer, Func<string, TarEntry, CancellationToken, ValueTask<string?>> shebang, CancellationToken cancellationToken)
    {
        var files = new List<LayerFile>();
        await using var reader = new TarReader(layer, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var path = Normalize(entry.Name);
            if (path.Length == 0)
                continue;
            var name = Name(path);
            if (name == ".wh..wh..opq")
            {
                files.Add(new LayerFile(Parent(path), 0, LayerFileKind.OpaqueDirectory));
                continue;
            }
            if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                files.Add(new LayerFile(Combine(Parent(path), name[4..]), 0, LayerFileKind.Whiteout));
                continue;
            }
            var kind = entry.EntryType switch
            {
                TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => LayerFileKind.File,
                TarEntryType.Directory => LayerFileKind.Directory,
                TarEntryType.SymbolicLink => LayerFileKind.Symlink,
                TarEntryType.HardLink => LayerFileKind.Hardlink,
                _ => LayerFileKind.Other,
            };
            var mode = (int)entry.Mode;
            string? interpreter = null;
            if (kind == LayerFileKind.File && (mode & 0b001_001_001) != 0 && entry.Length is > 2 and <= MaxShebangFileBytes)
                interpreter = await shebang(path, entry, cancellationToken);
            var link = kind is LayerFileKind.Symlink ? entry.LinkName : kind is LayerFileKind.Hardlink ? Normalize(entry.LinkName) : null;
            files.Add(new LayerFile(path, kind == LayerFileKind.File ? entry.Length : 0, kind, mode, entry.Uid, link, interpreter));
        }
        return files;
    }

    /// <summary>The interpreter a <c>#!</c> first line names, or null.</summary>
    internal static async ValueTask<string?> ReadShebangAsync(Stream data, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var read = await ReadAtLeastAsync(data, buffer, cancellationToken);
        if (read < 3 || buffer[0] != (byte)'#' || buffer[1] != (byte)'!')
            return null;
        var end = Array.IndexOf(buffer, (byte)'\n', 2, read - 2);
        var line = Encoding.UTF8.GetString(buffer, 2, (end < 0 ? read : end) - 2).Trim();
        return line.Length == 0 ? null : line;
    }

    private static async Task<int> ReadAtLeastAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

    private enum ArchiveContent
    {
        Other,
        Tar,
        EmptyTar,
        Gzip,
        Json,
    }

    private static ArchiveContent Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
            return ArchiveContent.Gzip;
        if (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8))
            return ArchiveContent.Tar;
        if (head.Length == 512 && !head.ContainsAnyExcept((byte)0))
            return ArchiveContent.EmptyTar;
        var trimmed = head.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && (trimmed[0] == (byte)'{' || trimmed[0] == (byte)'['))
            return ArchiveContent.Json;
        return ArchiveContent.Other;
    }

    internal static string Normalize(string path)
    {
        var text = path.Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
            text = text[2..];
        return text.Trim('/');
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    private static string Name(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[(slash + 1)..] : path;

    private static string Combine(string directory, string relative)
    {
        if (relative.StartsWith('/'))
            return Normalize(relative);
        return Apps.RelativePath.Resolve(directory, relative);
    }

    /// <summary>A stream that yields bytes already read (the sniffed header) and then the rest of the source.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardReadStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.Length > 0)
            {
                var n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }
            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.Length > 0)
                return Read(buffer.Span);
            return await rest.ReadAsync(buffer, cancellationToken);
        }
    }
}

/// <summary>An image read from a save archive: its layers bottom-up.</summary>
public sealed record ImageArchive(IReadOnlyList<ImageLayer> Layers);
