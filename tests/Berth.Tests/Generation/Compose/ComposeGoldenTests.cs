using Berth.Generation.Compose;
using Berth.Tests.Support;

namespace Berth.Tests.Generation.Compose;

/// <summary>compose.yaml and .env.compose written by init, compared byte for byte with the reviewed golden files.</summary>
public sealed class ComposeGoldenTests
{
    [Theory]
    [InlineData("fixture", "compose-repo")]
    [InlineData("fixture", "monorepo")]
    [InlineData("fixture", "flask-gunicorn")]
    [InlineData("fixture", "migrating-api")]
    [InlineData("fixture", "low-port-api")]
    [InlineData("fixture", "writable-journal")]
    [InlineData("example", "notes-api")]
    [InlineData("example", "chat-platform")]
    public void Compose_files_written_into_the_repository_match_the_golden_files(string kind, string app)
    {
        // In a folder named like the app: a service at the repository root is named after its folder.
        using var tree = new TempTree();
        var repository = tree.PathOf(app);
        CopyInto(kind == "example" ? RepoPaths.Example(app) : RepoPaths.Fixture(app), repository);
        var run = BerthCli.Run("init", repository);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        using var compose = ComposeFilesOf(repository);
        Golden.AssertFolder($"compose/{app}/in-place", compose.Root);
    }

    [Fact]
    public void Under_out_the_build_contexts_point_back_at_the_sources_and_the_dockerfiles_at_out()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("compose-repo"));
        var run = BerthCli.Run("init", tree.Root, "--out", tree.PathOf("deploy"));
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        using var compose = ComposeFilesOf(tree.PathOf("deploy"));
        Golden.AssertFolder("compose/compose-repo/out-deploy", compose.Root);
        var yaml = File.ReadAllText(tree.PathOf("deploy/compose.yaml"));
        Assert.Contains("context: \"../backend\"\n      dockerfile: \"../deploy/backend/Dockerfile\"\n", yaml);
        Assert.True(File.Exists(tree.PathOf("deploy/backend/Dockerfile")));
    }

    [Fact]
    public void Same_repository_gives_the_same_bytes()
    {
        using var first = TempTree.CopyOf(RepoPaths.Fixture("compose-repo"));
        using var second = TempTree.CopyOf(RepoPaths.Fixture("compose-repo"));
        Assert.Equal(0, BerthCli.Run("init", first.Root).ExitCode);
        Assert.Equal(0, BerthCli.Run("init", second.Root).ExitCode);
        foreach (var file in new[] { ComposeLayout.FileName, ComposeLayout.EnvFileName })
            Assert.Equal(File.ReadAllBytes(first.PathOf(file)), File.ReadAllBytes(second.PathOf(file)));
        Assert.DoesNotContain((byte)'\r', File.ReadAllBytes(first.PathOf(ComposeLayout.FileName)));
    }

    private static void CopyInto(string source, string destination)
    {
        using var copy = TempTree.CopyOf(source);
        foreach (var file in copy.Files())
        {
            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(copy.PathOf(file), target);
        }
    }

    /// <summary>Only what compose writes, so the golden folder holds nothing the per-service golden tests already hold.</summary>
    private static TempTree ComposeFilesOf(string root)
    {
        var files = new Dictionary<string, string>();
        foreach (var name in new[] { ComposeLayout.FileName, ComposeLayout.EnvFileName })
        {
            var path = Path.Combine(root, name);
            if (File.Exists(path))
                files[name] = File.ReadAllText(path);
        }
        return new TempTree(files);
    }
}
