using System.Text.Json;
using Berth.Tests.Support;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>
/// Berth's own Kubernetes output passes Berth's own Kubernetes lint: for every example (Python and Node) and the multi-service
/// fixture, <c>berth lint</c> over the written k8s/ tree and chart — rendered with the real kubectl kustomize and helm template —
/// reports nothing at warning or above (the migration Job included), and none of the Helm value rules misreads the chart.
/// Skipped loudly when kubectl or helm is not on PATH (lint renders with what PATH has).
/// </summary>
public sealed class OwnOutputLintTests
{
    public static TheoryData<string, string> Sources() => new()
    {
        { "example", "notes-api" },
        { "example", "inventory-service" },
        { "example", "next-web" },
        { "example", "express-api" },
        { "example", "vite-spa" },
        { "fixture", "shop" },
        { "example", "chat-platform" },
        { "fixture", "migrating-api" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Generated_manifests_and_chart_lint_clean(string kind, string app)
    {
        foreach (var tool in new[] { "kubectl", "helm" })
        {
            if (!OnPath(tool))
                Assert.Skip($"NO {tool.ToUpperInvariant()} on PATH (run `. ../shared/testbed/up` first) - Berth's own manifests were not linted");
        }
        using var tree = new GeneratedTree(kind, app);
        Assert.True(tree.Run.ExitCode == 0, tree.Run.Stderr + tree.Run.Stdout);

        var lint = BerthCli.Run("lint", Path.Combine(tree.Root, "k8s"), Path.Combine(tree.Root, "charts"), "--format", "json", "--fail-on", "warning");
        using var json = JsonDocument.Parse(lint.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("rule").GetString()!, Severity: f.GetProperty("severity").GetString()!, Where: $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}", Message: f.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(findings, f => f.Where.Contains("templates/deployment.yaml", StringComparison.Ordinal)); // the chart was rendered and read
        Assert.Empty(findings.Where(f => f.Severity is "error" or "warning").Select(f => $"{f.Where} {f.Rule} {f.Message}"));
        // Not rendered (BK8805/BK8807) or misread values (BK8803/BK8804) would mean the lint did not see what the tools see.
        Assert.Empty(findings.Where(f => f.Rule is "BK8803" or "BK8804" or "BK8805" or "BK8807").Select(f => $"{f.Where} {f.Rule} {f.Message}"));
        Assert.Equal(0, lint.ExitCode);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, tool)));
}
