using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Berth.Verification.Images;
using static Berth.Tests.Verification.TestImages;
using File = System.IO.File;

namespace Berth.Tests.Verification;

/// <summary>
/// The overlay2 storage reader against a Docker root laid out on disk the way the engine lays it out (image database, layer database
/// with tar-split records, layer directories); the engine-backed proof that it equals <c>docker save</c> is in the end-to-end tests.
/// </summary>
public sealed class OverlayStorageReaderTests : IDisposable
{
    private static readonly UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const string Config = """
        {"history":[{"created_by":"/bin/sh -c #(nop) ADD file:abc in / "},{"created_by":"ENV A=1","empty_layer":true},
        {"created_by":"RUN /bin/sh -c pip install gunicorn # buildkit"}]}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("berth-docker-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly TarEntrySpec[] BaseLayer =
    [
        new("usr/", TarEntryType.Directory, Mode: Executable),
        new("usr/bin/", TarEntryType.Directory, Mode: Executable),
        new("usr/bin/python3.11", TarEntryType.RegularFile, new string('x', 70_000), Mode: Executable),
        new("usr/bin/python3", TarEntryType.HardLink, Link: "usr/bin/python3.11"),
        new("bin", TarEntryType.SymbolicLink, Link: "usr/bin"),
        new("usr/share/" + new string('d', 120) + "/a-name-longer-than-a-ustar-header-holds.txt", TarEntryType.RegularFile, "long"),
        new("tmp/junk", TarEntryType.RegularFile, "12345"),
    ];

    private static readonly TarEntrySpec[] OwnLayer =
    [
        new("opt/venv/bin/gunicorn", TarEntryType.RegularFile, "#!/opt/venv/bin/python\nimport sys\n", Mode: Executable),
        new("tmp/.wh.junk", TarEntryType.RegularFile),
        new("app/.wh..wh..opq", TarEntryType.RegularFile),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tar_split_replay_lists_the_same_entries_as_the_layer_tar(bool escapedPayloads)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var layer in new[] { BaseLayer, OwnLayer })
        {
            var tar = LayerTar(layer);
            var fromTar = await ImageArchiveReader.ReadLayerAsync(new MemoryStream(tar), NoShebang, cancellationToken);
            var record = TarSplit(tar, escapedPayloads);
            await using var replay = new TarSplitStream(new MemoryStream(Encoding.UTF8.GetBytes(record)));
            var fromRecord = await ImageArchiveReader.ReadLayerAsync(replay, NoShebang, cancellationToken);
            Assert.Equal(fromTar, fromRecord);
            Assert.Equal(layer.Length, fromRecord.Count);
        }
    }

    [Fact]
    public void Tar_split_record_of_an_unknown_type_is_refused()
    {
        using var replay = new TarSplitStream(new MemoryStream("{\"type\":7,\"payload\":null}\n"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => replay.ReadByte());
    }

    [Fact]
    public async Task Image_is_read_from_storage_with_history_sizes_and_shebangs_from_the_layer_directory()
    {
        var inspection = LayOut();

        var (archive, reason) = await OverlayStorageReader.TryReadAsync(inspection, TestContext.Current.CancellationToken);

        Assert.True(archive is not null, reason);
        Assert.Contains(_root, reason, StringComparison.Ordinal);
        Assert.Equal(["ADD file:abc in /", "RUN pip install gunicorn"], archive.Layers.Select(l => l.CreatedBy));
        Assert.Equal(70_000 + 4 + 5, archive.Layers[0].Size);
        Assert.Contains(archive.Layers[0].Files, f => f is { Path: "usr/bin/python3", Kind: LayerFileKind.Hardlink, LinkTarget: "usr/bin/python3.11" });
        Assert.Contains(archive.Layers[0].Files, f => f.Path.EndsWith("a-name-longer-than-a-ustar-header-holds.txt", StringComparison.Ordinal));
        Assert.Equal("/opt/venv/bin/python", archive.Layers[1].Files.Single(f => f.Path == "opt/venv/bin/gunicorn").Shebang);
        Assert.Contains(archive.Layers[1].Files, f => f is { Path: "tmp/junk", Kind: LayerFileKind.Whiteout });
        Assert.Contains(archive.Layers[1].Files, f => f is { Path: "app", Kind: LayerFileKind.OpaqueDirectory });
    }

    [Fact]
    public async Task A_symlinked_directory_in_a_layer_directory_is_not_followed_for_a_shebang()
    {
        var inspection = LayOut();
        var venv = Path.Combine(_root, "overlay2", "cache1", "diff", "opt", "venv");
        var elsewhere = Directory.CreateTempSubdirectory("berth-elsewhere-").FullName;
        try
        {
            Directory.Move(venv, Path.Combine(elsewhere, "venv"));
            File.CreateSymbolicLink(venv, Path.Combine(elsewhere, "venv"));

            var (archive, reason) = await OverlayStorageReader.TryReadAsync(inspection, TestContext.Current.CancellationToken);

            Assert.True(archive is not null, reason);
            Assert.Null(archive.Layers[1].Files.Single(f => f.Path == "opt/venv/bin/gunicorn").Shebang);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Anything_not_found_by_content_address_falls_back_with_the_reason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var inspection = LayOut();

        Assert.Contains("not Docker's overlay2", (await OverlayStorageReader.TryReadAsync(inspection with { StorageDriver = "vfs" }, cancellationToken)).Reason);
        Assert.Contains("is not in", (await OverlayStorageReader.TryReadAsync(inspection with { Id = "sha256:" + new string('0', 64) }, cancellationToken)).Reason);
        Assert.Contains("is not in", (await OverlayStorageReader.TryReadAsync(inspection with { LayerDiffIds = [inspection.LayerDiffIds[0], DiffId("other")] }, cancellationToken)).Reason);

        var configPath = Path.Combine(_root, "image", "overlay2", "imagedb", "content", "sha256", inspection.Id["sha256:".Length..]);
        File.WriteAllText(configPath, Config.Replace("gunicorn", "uvicorn", StringComparison.Ordinal));
        var (archive, reason) = await OverlayStorageReader.TryReadAsync(inspection, cancellationToken);
        Assert.Null(archive);
        Assert.Contains("does not hash to the image ID", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/lib/docker/overlay2/abc/diff", "/var/lib/docker")]
    [InlineData("/srv/docker-data/overlay2/abc/diff/", "/srv/docker-data")]
    [InlineData("/var/lib/containers/storage/overlay/abc/diff", null)]
    [InlineData("", null)]
    public void Storage_root_is_found_from_the_top_layer_directory(string upperDir, string? root) =>
        Assert.Equal(root, OverlayStorageReader.StorageRoot(upperDir));

    /// <summary>Writes a two-layer image into <see cref="_root"/> as Docker's overlay2 driver stores it; returns its inspect facts.</summary>
    private ImageInspection LayOut()
    {
        var configBytes = Encoding.UTF8.GetBytes(Config);
        var imageId = Convert.ToHexStringLower(SHA256.HashData(configBytes));
        var content = Directory.CreateDirectory(Path.Combine(_root, "image", "overlay2", "imagedb", "content", "sha256")).FullName;
        File.WriteAllBytes(Path.Combine(content, imageId), configBytes);

        var diffIds = new List<string>();
        var chainId = "";
        var layers = new[] { BaseLayer, OwnLayer };
        for (var i = 0; i < layers.Length; i++)
        {
            var tar = LayerTar(layers[i]);
            var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar));
            diffIds.Add(diffId);
            chainId = i == 0 ? diffId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(chainId + " " + diffId)));
            var entry = Directory.CreateDirectory(Path.Combine(_root, "image", "overlay2", "layerdb", "sha256", chainId["sha256:".Length..])).FullName;
            File.WriteAllText(Path.Combine(entry, "diff"), diffId);
            File.WriteAllText(Path.Combine(entry, "cache-id"), $"cache{i}");
            using (var gzip = new GZipStream(File.Create(Path.Combine(entry, "tar-split.json.gz")), CompressionLevel.Fastest))
                gzip.Write(Encoding.UTF8.GetBytes(TarSplit(tar)));
            var directory = Directory.CreateDirectory(Path.Combine(_root, "overlay2", $"cache{i}", "diff")).FullName;
            TarFile.ExtractToDirectory(new MemoryStream(tar), directory, overwriteFiles: true);
        }
        return new ImageInspection("sha256:" + imageId, 1, new ImageConfig(), diffIds, "overlay2", Path.Combine(_root, "overlay2", "cache1", "diff"));
    }

    private static string DiffId(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ValueTask<string?> NoShebang(string path, TarEntry entry, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    /// <summary>
    /// The tar-split record Docker keeps for a layer tar: the raw bytes between file contents as base64 segments (type 2), each file's
    /// contents as its size (type 1).
    /// </summary>
    private static string TarSplit(byte[] tar, bool escapedPayloads = false)
    {
        var lines = new StringBuilder();
        using var reader = new TarReader(new MemoryStream(tar));
        long position = 0;
        void Segment(long end)
        {
            if (end > position)
            {
                // Docker writes base64 as it is; a JSON writer may escape characters of it, which a reader must undo.
                var base64 = Convert.ToBase64String(tar, (int)position, (int)(end - position));
                var text = escapedPayloads ? $"\\u{(int)base64[0]:X4}{base64[1..]}" : base64;
                lines.Append("{\"type\":2,\"payload\":\"").Append(text).Append("\",\"position\":0}\n");
            }
            position = end;
        }
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
                continue;
            Segment(entry.DataOffset);
            lines.Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = 1, ["name"] = entry.Name, ["size"] = entry.DataStream.Length, ["payload"] = "AAAAAAAAAAA=" })).Append('\n');
            position += entry.DataStream.Length;
        }
        Segment(tar.Length);
        return lines.ToString();
    }
}
