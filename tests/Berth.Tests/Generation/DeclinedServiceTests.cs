using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>
/// A service whose stack Berth cannot write an image for (a bun frontend, as in fastapi/full-stack-fastapi-template) is skipped
/// with its reason; the rest of the repository is still written, and links to the skipped service are left out of compose.
/// </summary>
public sealed class DeclinedServiceTests
{
    private static readonly Dictionary<string, string> Repository = new()
    {
        ["backend/requirements.txt"] = "fastapi\nuvicorn\n",
        ["backend/app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
        ["frontend/package.json"] = """{ "name": "frontend", "scripts": { "build": "vite build", "dev": "vite" }, "devDependencies": { "vite": "6.0.0" } }""",
        ["frontend/bun.lock"] = "{\n  \"lockfileVersion\": 1\n}\n",
        ["frontend/index.html"] = "<!doctype html><script type=\"module\" src=\"/src/main.ts\"></script>\n",
        ["frontend/src/main.ts"] = "fetch(import.meta.env.VITE_API_URL + '/health');\n",
    };

    [Fact]
    public void A_bun_service_is_skipped_with_its_reason_and_the_backend_is_written()
    {
        using var tree = new TempTree(Repository);
        var run = BerthCli.Run("init", tree.Root);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.True(File.Exists(tree.PathOf("backend/Dockerfile")));
        Assert.False(File.Exists(tree.PathOf("frontend/Dockerfile")));
        Assert.Contains("skipped: its lock file is bun's", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("frontend was skipped", run.Stderr, StringComparison.Ordinal);
        var compose = File.ReadAllText(tree.PathOf("compose.yaml"));
        Assert.Contains("  backend:", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("frontend", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("frontend", string.Join("\n", Directory.GetFiles(tree.PathOf("k8s"), "*", SearchOption.AllDirectories)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_lists_the_skipped_service()
    {
        using var tree = new TempTree(Repository);
        var run = BerthCli.Run("init", tree.Root, "--format", "json", "--dry-run");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var skipped = Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("frontend", skipped.GetProperty("name").GetString());
        Assert.StartsWith("its lock file is bun's", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_service_is_declined_nothing_is_written_and_it_exits_2()
    {
        using var tree = new TempTree(Repository.Where(f => f.Key.StartsWith("frontend/", StringComparison.Ordinal)).ToDictionary());
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bun.lock", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no image is written", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, tree.Files());
    }
}
