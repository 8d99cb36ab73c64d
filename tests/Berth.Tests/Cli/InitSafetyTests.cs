using Berth.Tests.Support;

namespace Berth.Tests.Cli;

/// <summary>init never overwrites without --force, writes nothing on a dry run or on bad input, never copies .env values, stays in its folder.</summary>
public sealed class InitSafetyTests
{
    private static readonly Dictionary<string, string> App = new()
    {
        ["requirements.txt"] = "fastapi\nuvicorn\n",
        ["app/main.py"] = "import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\nTOKEN = os.environ[\"SERVICE_TOKEN\"]\nMODE = os.getenv(\"MODE\", \"fast\")\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
        [".env"] = "SERVICE_TOKEN=tok-7Hq93kVb-unique-value\nMODE=slow-from-dotenv\n",
    };

    [Fact]
    public void Writes_the_three_files_into_the_service_folder()
    {
        using var tree = new TempTree(App);
        var run = BerthCli.Run("init", tree.Root);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(tree.PathOf("Dockerfile")));
        Assert.True(File.Exists(tree.PathOf(".dockerignore")));
        Assert.True(File.Exists(tree.PathOf(".env.example")));
        Assert.Contains("build: docker build -t ", run.Stdout);
    }

    [Fact]
    public void Values_from_dotenv_never_appear_in_files_or_output()
    {
        using var tree = new TempTree(App);
        var run = BerthCli.Run("init", tree.Root);
        var scan = BerthCli.Run("scan", tree.Root, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { run.Stdout, run.Stderr, scan.Stdout, File.ReadAllText(tree.PathOf("Dockerfile")), File.ReadAllText(tree.PathOf(".env.example")), File.ReadAllText(tree.PathOf(".dockerignore")) })
        {
            Assert.DoesNotContain("tok-7Hq93kVb-unique-value", text);
            Assert.DoesNotContain("slow-from-dotenv", text);
        }
        var example = File.ReadAllText(tree.PathOf(".env.example"));
        Assert.Contains("SERVICE_TOKEN=\n", example);
        Assert.Contains("MODE=fast\n", example);
        Assert.True(example.IndexOf("SERVICE_TOKEN=", StringComparison.Ordinal) < example.IndexOf("MODE=", StringComparison.Ordinal), "required variables come first");
    }

    [Fact]
    public void An_existing_file_that_differs_is_kept_and_a_diff_is_shown()
    {
        using var tree = new TempTree(App);
        tree.Write("Dockerfile", "FROM python:3.11\nCMD [\"python\", \"app.py\"]\n");
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("FROM python:3.11\nCMD [\"python\", \"app.py\"]\n", File.ReadAllText(tree.PathOf("Dockerfile")));
        Assert.Contains("-FROM python:3.11", run.Stdout);
        Assert.Contains("+FROM ${BUILDER_IMAGE} AS builder", run.Stdout);
        Assert.Contains("--force", run.Stderr);
        Assert.True(File.Exists(tree.PathOf(".env.example")), "files that did not exist are still written");

        var forced = BerthCli.Run("init", tree.Root, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("FROM ${RUNTIME_IMAGE} AS runtime", File.ReadAllText(tree.PathOf("Dockerfile")));
        var again = BerthCli.Run("init", tree.Root);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged", again.Stdout);
    }

    [Fact]
    public void Dry_run_writes_nothing()
    {
        using var tree = new TempTree(App);
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root, "--dry-run");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(before, tree.Files());
        Assert.Contains("would-create", run.Stdout);
        Assert.Contains("dry run: nothing was written", run.Stdout);
    }

    [Fact]
    public void Out_mirrors_service_paths_and_writes_nothing_in_the_source()
    {
        using var source = TempTree.CopyOf(RepoPaths.Fixture("monorepo"));
        using var output = new TempTree();
        var before = source.Files();
        var run = BerthCli.Run("init", source.Root, "--out", output.Root, "--k8s", "none");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(before, source.Files());
        Assert.Equal(["backend/.dockerignore", "backend/.env.example", "backend/Dockerfile", "backend/Dockerfile.dockerignore", "compose.yaml"], output.Files());
        Assert.Contains($"-f {output.Root}/backend/Dockerfile", run.Stdout);
    }

    [Fact]
    public void Bad_input_exits_2_with_file_and_line_and_writes_nothing()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("bad-pyproject"));
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"pyproject\.toml:\d+: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(before, tree.Files());
    }

    [Fact]
    public void Conflicting_entrypoints_exit_2_naming_both()
    {
        var run = BerthCli.Run("scan", RepoPaths.Fixture("conflicting"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("conflicting entrypoints", run.Stderr);
        Assert.Contains("app/admin.py:3", run.Stderr + run.Stderr);
        Assert.Contains("app/main.py:3", run.Stderr);
    }

    [Fact]
    public void No_service_exits_2()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["pyproject.toml"] = "[tool.ruff]\nline-length = 100\n", ["README.md"] = "hi\n" });
        var run = BerthCli.Run("scan", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no web service found", run.Stderr);
        Assert.Contains("only tool settings", run.Stderr);
    }

    [Fact]
    public void Missing_folder_exits_2()
    {
        var run = BerthCli.Run("scan", "/nonexistent/berth/path");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such folder", run.Stderr);
    }

    [Fact]
    public void Symlink_loop_exits_2_and_writes_nothing()
    {
        using var tree = new TempTree(App);
        Directory.CreateSymbolicLink(tree.PathOf("app/loop"), tree.Root);
        var before = tree.Files().Where(f => !f.StartsWith("app/loop/", StringComparison.Ordinal)).ToList();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("app/loop", run.Stderr);
        Assert.Contains("symbolic link loop", run.Stderr);
        Assert.False(File.Exists(tree.PathOf("Dockerfile")));
        Assert.Equal(before, before.Where(f => File.Exists(tree.PathOf(f))).ToList());
    }

    [Fact]
    public void A_huge_manifest_exits_2_and_a_huge_source_file_is_passed_over()
    {
        using var tree = new TempTree(App);
        tree.Write("app/generated_pb2.py", "x = 1\n" + new string('#', 3 * 1024 * 1024));
        var scan = BerthCli.Run("scan", tree.Root);
        Assert.Equal(0, scan.ExitCode);
        Assert.Contains("app/generated_pb2.py: not read", scan.Stdout);

        tree.Write("requirements.txt", "fastapi\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 300_000)));
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("requirements.txt: ", run.Stderr);
        Assert.False(File.Exists(tree.PathOf("Dockerfile")));
    }

    [Fact]
    public void Distroless_refuses_a_python_it_does_not_ship()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture("uv-simple"), "--runtime", "distroless", "--out", output.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".python-version:1", run.Stderr);
        Assert.Contains("3.12", run.Stderr);
        Assert.Empty(output.Files());
    }

    [Fact]
    public void Distroless_refuses_runtime_libraries_it_cannot_install()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture("flask-gunicorn"), "--runtime", "distroless", "--out", output.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("libpq5", run.Stderr);
        Assert.Empty(output.Files());
    }

    [Fact]
    public void Unknown_options_exit_2()
    {
        Assert.Equal(2, BerthCli.Run("init", ".", "--runtime", "alpine").ExitCode);
        Assert.Equal(2, BerthCli.Run("init", ".", "--workers", "0").ExitCode);
        Assert.Equal(2, BerthCli.Run("frobnicate").ExitCode);
    }
}
