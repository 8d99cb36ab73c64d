using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Berth.Tests.Support;
using Berth.Verification;
using Berth.Verification.Images;

namespace Berth.Tests.Verification;

/// <summary>Images for check tests: recorded engine output (inspect, top, container state) and small synthetic layer stacks.</summary>
internal static class TestImages
{
    public static string Recorded(string name) => System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Verification", "Recorded", name));

    /// <summary>The inspect of the distroless inventory-service image berth init wrote, as the testbed's docker 20.10 printed it.</summary>
    public static ImageInspection InventoryDistroless => ImageInspection.Parse(Recorded("inventory-distroless.inspect.json"))!;

    public static LayerFile Dir(string path) => new(path, 0, LayerFileKind.Directory, 0b111_101_101);

    public static LayerFile File(string path, long size = 10, int mode = 0b110_100_100, string? shebang = null) => new(path, size, LayerFileKind.File, mode, 0, null, shebang);

    public static LayerFile Exe(string path, long size = 10, string? shebang = null) => File(path, size, 0b111_101_101, shebang);

    public static LayerFile Link(string path, string target) => new(path, 0, LayerFileKind.Symlink, 0b111_111_111, 0, target);

    public static LayerFile Whiteout(string path) => new(path, 0, LayerFileKind.Whiteout);

    public static ImageLayer Layer(int index, string createdBy, params LayerFile[] files) =>
        new(index, createdBy, files.Where(f => f.Kind == LayerFileKind.File).Sum(f => f.Size), files);

    /// <summary>A python:3.11-slim-like base (layer 0) with /bin → usr/bin, python3.11, sh; then the app's layers.</summary>
    public static ImageLayer SlimBase => Layer(0, "",
        Link("bin", "usr/bin"), Dir("usr"), Dir("usr/bin"), Exe("usr/bin/dash", 100), Link("usr/bin/sh", "dash"), Exe("usr/bin/python3.11", 1000),
        Link("usr/local/bin/python3", "/usr/bin/python3.11"), Link("usr/local/bin/python", "python3"), Dir("etc"), File("etc/passwd"));

    public static ImageFacts Facts(ImageConfig config, int baseLayers, string? baseImage, params ImageLayer[] layers)
    {
        var size = layers.Sum(l => l.Size);
        return new ImageFacts("test:1", new ImageInspection("sha256:test", size, config, []), layers, baseLayers, baseImage);
    }

    public static ImageConfig Config(string user = "10001:10001", string[]? cmd = null, string[]? env = null, string workdir = "/app") => new()
    {
        User = user,
        Cmd = cmd ?? ["/opt/venv/bin/uvicorn", "app.main:app"],
        Env = env ?? ["PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin"],
        WorkingDir = workdir,
        ExposedPorts = ["8000/tcp"],
        Labels = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "t" },
    };

    /// <summary>The slim base plus a venv whose uvicorn script runs the venv's python (a link to the base's interpreter), and the app.</summary>
    public static ImageFacts GoodApp(ImageConfig? config = null, params LayerFile[] extra) => Facts(config ?? Config(), 1, "python:3.11-slim",
        SlimBase,
        Layer(1, "COPY /opt/venv /opt/venv",
            Link("opt/venv/bin/python", "/usr/local/bin/python"), Exe("opt/venv/bin/uvicorn", 200, "/opt/venv/bin/python"),
            File("opt/venv/lib/python3.11/site-packages/pkg/tests/test_x.py")),
        Layer(2, "COPY . .", [Dir("app"), File("app/app/main.py"), .. extra]));

    /// <summary>A docker-archive (legacy docker save layout) with the given layers, as a stream; the second layer gzip-compressed.</summary>
    public static MemoryStream Archive(string configJson, params IReadOnlyList<TarEntrySpec>[] layers)
    {
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            var names = new List<string>();
            for (var i = 0; i < layers.Length; i++)
            {
                var name = $"layer{i}/layer.tar";
                names.Add(name);
                var bytes = LayerTar(layers[i]);
                if (i == 1)
                    bytes = Gzip(bytes);
                Add(writer, name, bytes);
            }
            Add(writer, "config.json", Encoding.UTF8.GetBytes(configJson));
            var manifest = $"[{{\"Config\":\"config.json\",\"RepoTags\":[\"test:1\"],\"Layers\":[{string.Join(',', names.Select(n => $"\"{n}\""))}]}}]";
            Add(writer, "manifest.json", Encoding.UTF8.GetBytes(manifest));
        }
        output.Position = 0;
        return output;
    }

    public sealed record TarEntrySpec(string Name, TarEntryType Type, string Content = "", string? Link = null, UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    public static byte[] LayerTar(IReadOnlyList<TarEntrySpec> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var spec in entries)
            {
                var entry = new PaxTarEntry(spec.Type, spec.Name) { Mode = spec.Mode };
                if (spec.Link is not null)
                    entry.LinkName = spec.Link;
                if (spec.Type == TarEntryType.RegularFile)
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(spec.Content));
                writer.WriteEntry(entry);
            }
        }
        return stream.ToArray();
    }

    private static void Add(TarWriter writer, string name, byte[] content) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }
}
