using System.Text.Json;
using Berth.Linting;
using Berth.Reporting;
using Berth.Tests.Support;

namespace Berth.Tests.Reporting;

public sealed class SarifRendererTests
{
    private static readonly Finding[] Findings =
    [
        new("BDF401", "user-site-unreadable-by-final-user", Severity.Error, Path.Combine("/repo", "svc", "Dockerfile"), 5, 1, 5, 46, "message \"quoted\"", "do this"),
        new("BDF501", "shell-form-command", Severity.Warning, Path.Combine("/repo", "my app", "Dockerfile"), 9, 1, 9, 50, "shell form", null),
        new("BDF501", "shell-form-command", Severity.Info, Path.Combine("/repo", "Dockerfile"), 3, 1, 3, 10, "info level", null),
    ];

    [Fact]
    public void Is_valid_sarif_for_code_scanning()
    {
        var text = SarifRenderer.Render(Findings, RuleCatalog.All, "/repo");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("berth", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.StartsWith($"# {rule.GetProperty("id").GetString()}: ", rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        }
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ruleId, rules[index].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.Equal(JsonValueKind.String, result.GetProperty("message").GetProperty("text").ValueKind);
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            Assert.DoesNotContain('\\', uri);
            var region = location.GetProperty("region");
            foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                Assert.True(region.GetProperty(name).GetInt32() >= 1, name);
        }
        Assert.Equal(["error", "warning", "note"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.Equal(["svc/Dockerfile", "my%20app/Dockerfile", "Dockerfile"], results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        Assert.Equal("message \"quoted\" Fix: do this", results[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = SarifRenderer.Render(Findings, RuleCatalog.All, "/repo");
        Assert.Equal(first, SarifRenderer.Render(Findings, RuleCatalog.All, "/repo"));
        Assert.DoesNotContain("\r", first);
        Assert.EndsWith("}\n", first);
    }

    [Fact]
    public void Cli_prints_sarif()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.11-slim\nUSER 10001\nCMD python app.py\n" });
        var run = BerthCli.Run("lint", tree.Root, "--format", "sarif");
        using var json = JsonDocument.Parse(run.Stdout);
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "BDF501");
        Assert.Equal("BDF501", result.GetProperty("ruleId").GetString());
        Assert.EndsWith("/Dockerfile", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
