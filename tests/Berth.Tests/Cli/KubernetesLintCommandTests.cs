using System.Text.Json;
using Berth.Tests.Support;

namespace Berth.Tests.Cli;

public sealed class KubernetesLintCommandTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:latest
                  env:
                    - name: DB_PASSWORD
                      value: do-not-print-4411
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: website}, ports: [{port: 80}]}
        """;

    [Fact]
    public void Finds_manifests_in_a_folder_with_positions_and_exits_1()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["k8s/deploy.yaml"] = Deployment, ["k8s/notes.yaml"] = "title: not a manifest\n" });
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("deploy.yaml:12:18: warning BK8401 image-tag-missing-or-latest", run.Stdout);
        Assert.Contains("deploy.yaml:15:22: error BK8511 secret-in-env-value", run.Stdout);
        Assert.Contains("deploy.yaml:20:18: error BK8502 service-selects-no-pod", run.Stdout);
        Assert.DoesNotContain("notes.yaml", run.Stdout);
        Assert.DoesNotContain("do-not-print-4411", run.Stdout);
    }

    [Fact]
    public void Json_sarif_and_github_formats_carry_the_kubernetes_findings()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["deploy.yaml"] = Deployment });
        var json = BerthCli.Run("lint", tree.PathOf("deploy.yaml"), "--format", "json");
        using (var document = JsonDocument.Parse(json.Stdout))
            Assert.Contains(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "BK8502" && f.GetProperty("line").GetInt32() == 20);
        var sarif = BerthCli.Run("lint", tree.PathOf("deploy.yaml"), "--format", "sarif");
        Assert.Contains("\"BK8502\"", sarif.Stdout);
        var github = BerthCli.Run("lint", tree.PathOf("deploy.yaml"), "--format", "github");
        Assert.Contains("line=20", github.Stdout);
        Assert.Contains("BK8502", github.Stdout);
    }

    [Fact]
    public void Berth_yaml_ignores_and_severities_apply_and_fail_on_sets_the_threshold()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["deploy.yaml"] = Deployment,
            [".berth.yaml"] = "ignored: [BK8511, BK8502]\nseverity: {BK8401: error}\n",
        });
        var run = BerthCli.Run("lint", tree.Root);
        Assert.DoesNotContain("BK8511", run.Stdout);
        Assert.Contains("error BK8401", run.Stdout);
        Assert.Equal(1, run.ExitCode);
        tree.Write(".berth.yaml", "ignored: [BK8511, BK8502, BK8401, BK8807]\n");
        Assert.Equal(0, BerthCli.Run("lint", tree.Root).ExitCode);
        Assert.Equal(1, BerthCli.Run("lint", tree.Root, "--fail-on", "info").ExitCode);
    }

    [Fact]
    public void A_yaml_syntax_error_is_a_finding_not_a_crash()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["deploy.yaml"] = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b: c\n" });
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("deploy.yaml:4:", run.Stdout);
        Assert.Contains("BK8001", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Rules_and_explain_list_the_kubernetes_family()
    {
        Assert.Contains("BK8705  error    run-as-non-root-with-named-user", BerthCli.Run("rules").Stdout);
        Assert.StartsWith("# BK8101: readiness-probe-missing", BerthCli.Run("explain", "BK8101").Stdout);
    }

    [Fact]
    public void An_empty_folder_is_still_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["README.md"] = "x" });
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no Kubernetes manifest", run.Stderr);
    }
}
