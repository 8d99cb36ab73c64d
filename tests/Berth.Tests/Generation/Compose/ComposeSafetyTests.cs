using Berth.Generation.Compose;
using Berth.Tests.Support;

namespace Berth.Tests.Generation.Compose;

/// <summary>compose.yaml follows init's rules: nothing on bad input or a dry run, no overwrite without --force, no .env values, opt-out.</summary>
public sealed class ComposeSafetyTests
{
    private static readonly Dictionary<string, string> Repository = new()
    {
        ["api/requirements.txt"] = "fastapi\nuvicorn\npsycopg2-binary\n",
        ["api/app/main.py"] = "import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\nTOKEN = os.environ[\"SERVICE_TOKEN\"]\nDB = os.environ[\"DATABASE_URL\"]\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
        ["api/.env"] = "SERVICE_TOKEN=tok-7Hq93kVb-unique-value\nDATABASE_URL=postgresql://prod:Sup3rS3cret-unique@db.example.com/prod\n",
        [".env"] = "POSTGRES_PASSWORD=root-dotenv-unique-value\n",
    };

    [Fact]
    public void Env_file_values_never_appear_in_compose_files_or_output()
    {
        using var tree = new TempTree(Repository);
        var run = BerthCli.Run("init", tree.Root);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var yaml = File.ReadAllText(tree.PathOf(ComposeLayout.FileName));
        var env = File.ReadAllText(tree.PathOf(ComposeLayout.EnvFileName));
        foreach (var text in new[] { yaml, env, run.Stdout, run.Stderr })
        {
            Assert.DoesNotContain("tok-7Hq93kVb-unique-value", text);
            Assert.DoesNotContain("Sup3rS3cret-unique", text);
            Assert.DoesNotContain("root-dotenv-unique-value", text);
        }
        Assert.Contains("      - api/.env\n", yaml);
        Assert.DoesNotContain(DevService.PlaceholderPassword, yaml); // credentials live in the env file only
        Assert.Contains("DATABASE_URL=postgresql://app:" + DevService.PlaceholderPassword + "@postgres:5432/app\n", env);
        Assert.DoesNotContain(DevService.PlaceholderPassword, run.Stdout);
    }

    [Fact]
    public void Bad_input_writes_no_compose_file()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("bad-pyproject"));
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(before, tree.Files());
    }

    [Fact]
    public void A_service_that_cannot_be_planned_stops_every_write_compose_included()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture("flask-gunicorn"), "--runtime", "distroless", "--out", output.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(output.Files());
    }

    [Fact]
    public void Dry_run_and_no_compose_write_no_compose_file()
    {
        using var tree = new TempTree(Repository);
        var dry = BerthCli.Run("init", tree.Root, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("would-create " + tree.PathOf(ComposeLayout.FileName), dry.Stdout);
        Assert.False(File.Exists(tree.PathOf(ComposeLayout.FileName)));

        var without = BerthCli.Run("init", tree.Root, "--no-compose");
        Assert.Equal(0, without.ExitCode);
        Assert.True(File.Exists(tree.PathOf("api/Dockerfile")));
        Assert.False(File.Exists(tree.PathOf(ComposeLayout.FileName)));
        Assert.False(File.Exists(tree.PathOf(ComposeLayout.EnvFileName)));
        Assert.DoesNotContain("compose", without.Stdout.Split('\n').Where(l => !l.StartsWith("  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_existing_compose_file_that_differs_is_kept_with_a_diff_unless_forced()
    {
        using var tree = new TempTree(Repository);
        tree.Write(ComposeLayout.FileName, "services:\n  mine:\n    image: busybox\n");
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("services:\n  mine:\n    image: busybox\n", File.ReadAllText(tree.PathOf(ComposeLayout.FileName)));
        Assert.Contains("-  mine:", run.Stdout);
        Assert.Contains("+  api:", run.Stdout);
        Assert.Contains("--force", run.Stderr);

        Assert.Equal(0, BerthCli.Run("init", tree.Root, "--force").ExitCode);
        Assert.Contains("  api:\n", File.ReadAllText(tree.PathOf(ComposeLayout.FileName)));
        var again = BerthCli.Run("init", tree.Root);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged    " + tree.PathOf(ComposeLayout.FileName), again.Stdout);
    }

    [Fact]
    public void A_kept_dockerfile_is_named_in_the_compose_plan()
    {
        using var tree = new TempTree(Repository);
        tree.Write("api/Dockerfile", "FROM python:3.11-slim\nCMD [\"python\", \"app.py\"]\n");
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  - {tree.PathOf("api/Dockerfile")} was kept as it was", run.Stdout);
        Assert.DoesNotContain("was kept as it was", BerthCli.Run("init", tree.Root, "--force").Stdout);
    }

    [Fact]
    public void The_json_report_carries_the_compose_decisions_and_files()
    {
        using var tree = new TempTree(Repository);
        var run = BerthCli.Run("init", tree.Root, "--format", "json", "--dry-run");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var compose = json.RootElement.GetProperty("compose");
        Assert.Contains(compose.GetProperty("decisions").EnumerateArray(), d => d.GetString()!.StartsWith("api: depends_on postgres", StringComparison.Ordinal));
        Assert.Equal([tree.PathOf(ComposeLayout.FileName), tree.PathOf(ComposeLayout.EnvFileName)],
            compose.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.False(json.RootElement.TryGetProperty("allFiles", out _));
    }
}
