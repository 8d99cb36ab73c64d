using System.Text.Json;
using Berth.Tests.Support;

namespace Berth.Tests.Cli;

public sealed class LintCommandTests
{
    private const string SeedDockerfile = """
        FROM python:3.12-slim AS builder
        RUN pip install --user -r requirements.txt
        FROM python:3.12-slim
        RUN useradd appuser
        COPY --from=builder /root/.local /root/.local
        COPY . /app
        USER appuser
        HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
        CMD uvicorn app.main:app --host 0.0.0.0 --port 8000
        """;

    [Fact]
    public void Finds_the_seed_template_bugs_with_positions_and_exits_1()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = SeedDockerfile, [".env"] = "API_KEY=do-not-print-3391\n" });
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Dockerfile:5:1: error BDF401", run.Stdout);
        Assert.Contains("Dockerfile:6:1: error BDF404", run.Stdout);
        Assert.Contains("Dockerfile:8:1: error BDF101", run.Stdout);
        Assert.Contains("Dockerfile:9:1: warning BDF501", run.Stdout);
        Assert.DoesNotContain("do-not-print-3391", run.Stdout);
    }

    [Fact]
    public void Json_has_the_documented_fields()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = SeedDockerfile });
        var run = BerthCli.Run("lint", tree.PathOf("Dockerfile"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var first = json.RootElement.GetProperty("findings")[0];
        foreach (var name in new[] { "rule", "name", "severity", "file", "line", "column", "endLine", "endColumn", "message", "fix" })
            Assert.True(first.TryGetProperty(name, out _), $"missing {name}");
    }

    [Fact]
    public void Json_keeps_quotes_and_angle_brackets_readable()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.12-slim\nRUN pip install --no-cache-dir httpx\nUSER 10001\n" });
        var run = BerthCli.Run("lint", tree.PathOf("Dockerfile"), "--format", "json");
        Assert.Contains("\"message\": \"pip installs 'httpx' at whatever version", run.Stdout);
        Assert.Contains("Pin it (httpx==<version>)", run.Stdout);
        Assert.DoesNotContain("\\u0027", run.Stdout);
    }

    [Fact]
    public void Fail_on_sets_the_threshold()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.11-slim\nUSER 10001\nCMD python app.py\n" });
        Assert.Equal(0, BerthCli.Run("lint", tree.Root).ExitCode); // a warning only
        Assert.Equal(1, BerthCli.Run("lint", tree.Root, "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void The_app_beside_the_dockerfile_is_used()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Example("inventory-service"));
        tree.Write("Dockerfile", "FROM python:3.11-slim\nUSER 10001\nEXPOSE 8000\nCMD [\"python\", \"-m\", \"inventory.main\"]\n");
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BAP001", run.Stdout);
        Assert.Contains("app listens on 8080", run.Stdout);
    }

    [Fact]
    public void Missing_paths_exit_2()
    {
        var run = BerthCli.Run("lint", "/nonexistent/berth");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file or folder", run.Stderr);
    }

    [Fact]
    public void Rules_and_explain()
    {
        var rules = BerthCli.Run("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Contains("BDF401", rules.Stdout);
        var explain = BerthCli.Run("explain", "bdf401");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# BDF401: user-site-unreadable-by-final-user", explain.Stdout);
        Assert.Equal(2, BerthCli.Run("explain", "XX999").ExitCode);
    }
}
