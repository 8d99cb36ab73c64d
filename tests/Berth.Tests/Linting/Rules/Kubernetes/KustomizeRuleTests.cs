using Berth.Kubernetes;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Rules.Kubernetes;

internal static class KustomizeCase
{
    public static readonly Dictionary<string, string> Tree = new()
    {
        ["base/kustomization.yaml"] = "resources: [deployment.yaml]\n",
        ["base/deployment.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.0\n",
        ["overlays/prod/kustomization.yaml"] = "resources: [../../base]\nnamePrefix: prod-\nimages: [{name: ghcr.io/acme/web, newTag: latest}]\n",
    };

    public static IReadOnlyList<Finding> Lint(string folder, string? kubectl, Dictionary<string, string>? files = null)
    {
        using var tree = new TempTree(files ?? Tree);
        var set = KustomizeLoader.Load(tree.PathOf(folder), new RendererTools(kubectl, null), File.ReadAllText);
        return [.. KubernetesLinter.Lint(set).Select(f => f with { File = Path.GetRelativePath(tree.Root, f.File).Replace('\\', '/') })];
    }
}

public sealed class KustomizeNotRenderedTests
{
    [Fact]
    public void Fires_without_kubectl_and_lints_the_resources_as_written()
    {
        var findings = KustomizeCase.Lint("base", null);
        var note = Assert.Single(findings, f => f.Rule == "BK8807");
        Assert.Equal("base/kustomization.yaml", note.File);
        Assert.Contains(findings, f => f.Rule == "BK8101" && f.File == "base/deployment.yaml" && f.Line == 10);
    }

    [Fact]
    public void Quiet_when_kubectl_renders_it() => Assert.DoesNotContain(KustomizeCase.Lint("base", Renderers.Require("kubectl")), f => f.Rule == "BK8807");
}

public sealed class KustomizeRenderFailedTests
{
    [Fact]
    public void Fires_when_kustomize_fails()
    {
        var files = new Dictionary<string, string>(KustomizeCase.Tree) { ["base/kustomization.yaml"] = "resources: [missing.yaml]\n" };
        var finding = Assert.Single(KustomizeCase.Lint("base", Renderers.Require("kubectl"), files), f => f.Rule == "BK8808");
        Assert.Contains("missing.yaml", finding.Message);
    }

    [Fact]
    public void Quiet_when_it_renders() => Assert.DoesNotContain(KustomizeCase.Lint("overlays/prod", Renderers.Require("kubectl")), f => f.Rule == "BK8808");
}

public sealed class KustomizeRenderingTests
{
    [Fact]
    public void Findings_of_an_overlay_point_at_the_base_file_that_holds_the_object()
    {
        var findings = KustomizeCase.Lint("overlays/prod", Renderers.Require("kubectl"));
        var latest = Assert.Single(findings, f => f.Rule == "BK8401");
        Assert.Equal("base/deployment.yaml", latest.File);
        Assert.Equal(11, latest.Line);
        Assert.Contains("prod-web", latest.Message + string.Join("", findings.Select(f => f.Message)));
    }
}
