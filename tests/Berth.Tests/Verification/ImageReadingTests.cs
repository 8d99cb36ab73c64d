using System.Formats.Tar;
using Berth.Verification;
using Berth.Verification.Engine;
using Berth.Verification.Images;
using static Berth.Tests.Verification.TestImages;

namespace Berth.Tests.Verification;

public sealed class ImageReadingTests
{
    [Fact]
    public void Recorded_inspect_gives_config_and_layers()
    {
        var image = InventoryDistroless;
        Assert.Equal("65532:65532", image.Config.User);
        Assert.Contains("8080/tcp", image.Config.ExposedPorts);
        Assert.Equal("/app", image.Config.WorkingDir);
        Assert.Contains("--workers", image.Config.Command);
        Assert.Equal("gcr.io/distroless/python3-debian12:nonroot", image.Config.Labels["org.opencontainers.image.base.name"]);
        Assert.Equal("CMD", image.Config.Healthcheck[0]);
        Assert.True(image.Size > 10_000_000);
        var baseImage = ImageInspection.Parse(Recorded("distroless-base.inspect.json"))!;
        var shared = ImageFacts.SharedLayerCount(image.LayerDiffIds, baseImage.LayerDiffIds);
        Assert.Equal(baseImage.LayerDiffIds.Count, shared);
        Assert.True(image.LayerDiffIds.Count > shared);
    }

    [Fact]
    public void Shared_layer_count_is_zero_when_the_base_is_not_a_prefix()
    {
        Assert.Equal(0, ImageFacts.SharedLayerCount(["a", "b", "c"], ["a", "x"]));
        Assert.Equal(2, ImageFacts.SharedLayerCount(["a", "b", "c"], ["a", "b"]));
    }

    [Fact]
    public void Recorded_container_states_and_top()
    {
        var running = ContainerState.Parse(Recorded("running.container.json"))!;
        Assert.True(running.Running);
        var stopped = ContainerState.Parse(Recorded("stopped.container.json"))!;
        Assert.False(stopped.Running);
        Assert.Equal(0, stopped.ExitCode);
        Assert.False(stopped.OomKilled);

        var processes = ContainerProcess.ParseTop(Recorded("inventory-distroless.top.txt"));
        Assert.Equal(3, processes.Count);
        Assert.All(processes, p => Assert.Equal(65532, p.Uid));
        Assert.Equal([17896, 17897], Berth.Verification.Checks.RunChecks.GunicornWorkerPids(processes));
    }

    [Fact]
    public async Task Save_archive_is_read_in_one_pass_with_gzip_layers_whiteouts_and_shebangs()
    {
        const string Config = """
            {"history":[{"created_by":"/bin/sh -c #(nop) ADD file:abc in / "},{"created_by":"ENV A=1","empty_layer":true},
            {"created_by":"RUN /bin/sh -c pip install x # buildkit"},{"created_by":"COPY . . # buildkit"}]}
            """;
        var exec = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        using var archive = Archive(Config,
            [new("./usr/", TarEntryType.Directory), new("./usr/bin/python3.11", TarEntryType.RegularFile, "ELF....", Mode: exec), new("bin", TarEntryType.SymbolicLink, Link: "usr/bin"), new("tmp/junk", TarEntryType.RegularFile, "12345")],
            [new("opt/venv/bin/gunicorn", TarEntryType.RegularFile, "#!/opt/venv/bin/python\nimport sys\n", Mode: exec), new("tmp/.wh.junk", TarEntryType.RegularFile)],
            [new("app/.wh..wh..opq", TarEntryType.RegularFile), new("app/main.py", TarEntryType.RegularFile, "print(1)")]);

        var read = await ImageArchiveReader.ReadAsync(archive, TestContext.Current.CancellationToken);

        Assert.Equal(3, read.Layers.Count);
        Assert.Equal(["ADD file:abc in /", "RUN pip install x", "COPY . ."], read.Layers.Select(l => l.CreatedBy));
        Assert.Equal(12, read.Layers[0].Size);
        var gunicorn = read.Layers[1].Files.Single(f => f.Path == "opt/venv/bin/gunicorn");
        Assert.Equal("/opt/venv/bin/python", gunicorn.Shebang);
        Assert.True(gunicorn.IsExecutable);
        Assert.Contains(read.Layers[1].Files, f => f is { Path: "tmp/junk", Kind: LayerFileKind.Whiteout });
        Assert.Contains(read.Layers[2].Files, f => f is { Path: "app", Kind: LayerFileKind.OpaqueDirectory });

        var fs = new ImageFileSystem(read.Layers);
        Assert.Null(fs.Entry("tmp/junk"));
        Assert.Equal("usr/bin/python3.11", fs.ResolvePath("/bin/python3.11"));
    }

    [Fact]
    public async Task An_archive_without_manifest_is_rejected_with_a_reason()
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, leaveOpen: true))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "x") { DataStream = new MemoryStream([1, 2, 3]) });
        stream.Position = 0;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImageArchiveReader.ReadAsync(stream, TestContext.Current.CancellationToken));
        Assert.Contains("manifest.json", error.Message);
    }

    [Theory]
    [InlineData("/bin/sh -c #(nop)  CMD [\"x\"]", "CMD [\"x\"]")]
    [InlineData("/bin/sh -c apt-get update", "RUN apt-get update")]
    [InlineData("RUN /bin/sh -c make # buildkit", "RUN make")]
    [InlineData("RUN |1 PYTHON_VERSION=3.11 /bin/sh -c make # buildkit", "RUN |1 PYTHON_VERSION=3.11 /bin/sh -c make")]
    public void Created_by_is_cleaned_for_people(string raw, string shown) => Assert.Equal(shown, ImageArchiveReader.CleanCreatedBy(raw));

    [Fact]
    public void Stacked_filesystem_follows_overlay_rules_and_symlinks()
    {
        var layers = new[]
        {
            Layer(0, "base", Link("bin", "usr/bin"), Exe("usr/bin/python3.11"), Link("usr/local/bin/python3", "/usr/bin/python3.11"), File("srv/old/a"), File("srv/old/b"), File("etc/x")),
            Layer(1, "venv", Link("opt/venv/bin/python", "/usr/local/bin/python3"), Link("loop/a", "b"), Link("loop/b", "a"), Whiteout("etc/x")),
            Layer(2, "app", new LayerFile("srv/old", 0, LayerFileKind.OpaqueDirectory), File("srv/old/c")),
        };
        var fs = new ImageFileSystem(layers);
        Assert.True(fs.IsExecutableFile("/opt/venv/bin/python"));
        Assert.Equal("usr/bin/python3.11", fs.ResolvePath("opt/venv/bin/python"));
        Assert.Null(fs.Resolve("loop/a"));
        Assert.Null(fs.Entry("etc/x"));
        Assert.Null(fs.Entry("srv/old/a"));
        Assert.NotNull(fs.Entry("srv/old/c"));
        Assert.Equal("/bin/python3.11", fs.FindOnPath("python3.11", "/nowhere:/bin"));
        Assert.Null(fs.FindOnPath("curl", null));
        Assert.Equal(2, fs.Entry("srv/old/c")!.Layer);
    }

    [Fact]
    public void Efficiency_follows_dive_rewrites_and_deletions_count_as_waste()
    {
        var layers = new[]
        {
            Layer(0, "base", File("big", 1000), File("keep", 500)),
            Layer(1, "rewrite", File("big", 1000)),
            Layer(2, "delete", Whiteout("big")),
            Layer(3, "new", File("app", 100)),
        };
        var score = LayerEfficiency.Compute(layers);
        // big: 1000 + 1000 + 1000 (the whiteout removes 1000) = 3000 cumulative, 1000 minimum; keep 500/500; app 100/100.
        Assert.Equal(1600.0 / 3600.0, score.Efficiency, 6);
        Assert.Equal(3000, score.WastedBytes);
        Assert.Equal(1100, score.UserSizeBytes);
        Assert.Equal("/big", Assert.Single(score.TopWasted).Path);
        Assert.Equal(1.0, LayerEfficiency.Compute([Layer(0, "only", File("a", 5))]).Efficiency);
    }
}
