using System.Security.Cryptography;
using Berth.Tests.Support;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>
/// Every generated object, as kubectl kustomize and helm template render it, validates against the Kubernetes and Gateway API
/// schemas (kubernetes-models and @kubernetes-models/gateway-api, pinned in schema/package-lock.json, run by schema/validate.mjs).
/// Skipped loudly without node, npm, kubectl or helm, or when npm cannot install the pinned packages.
/// </summary>
public sealed class KubernetesSchemaTests
{
    private static readonly Lazy<string> Validator = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Prepare()
    {
        var source = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Generation", "Kubernetes", "schema");
        var lockText = File.ReadAllBytes(Path.Combine(source, "package-lock.json"));
        var folder = Path.Combine(Path.GetTempPath(), "berth-k8s-schema-" + Convert.ToHexString(SHA256.HashData(lockText))[..12].ToLowerInvariant());
        foreach (var file in new[] { "package.json", "package-lock.json", "validate.mjs" })
        {
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
        }
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "kubernetes-models")))
        {
            var npm = ClusterTools.Find("npm") ?? "";
            var run = npm.Length == 0 ? null : ClusterTools.Run(npm, folder, "ci", "--no-audit", "--no-fund", "--prefer-offline");
            if (run is null || run.ExitCode != 0)
                return "";
        }
        return folder;
    }

    private static string RequireValidator()
    {
        ClusterTools.Require("node");
        ClusterTools.Require("npm");
        if (Validator.Value.Length == 0)
        {
            var message = "NO SCHEMA PACKAGES: npm ci of tests/Berth.Tests/Generation/Kubernetes/schema failed (no npm registry?) - schema validation did not run";
            Console.Error.WriteLine(message);
            Assert.Skip(message);
        }
        return Validator.Value;
    }

    public static TheoryData<string, string> Apps() => GeneratedTree.Apps();

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_rendered_object_validates_against_the_kubernetes_and_gateway_api_schemas(string kind, string app)
    {
        var validator = RequireValidator();
        var kubectl = ClusterTools.Require("kubectl");
        var helm = ClusterTools.Require("helm");
        using var tree = new GeneratedTree(kind, app);
        var rendered = new List<string>();
        foreach (var folder in new[] { "base", "overlays/dev", "overlays/prod", "gateway" })
        {
            var run = ClusterTools.Run(kubectl, tree.Root, "kustomize", tree.Kustomize(folder));
            Assert.True(run.ExitCode == 0, run.Stderr);
            var file = Path.Combine(tree.Root, $"rendered-{folder.Replace('/', '-')}.yaml");
            File.WriteAllText(file, run.Stdout);
            rendered.Add(file);
        }
        var chart = ClusterTools.Run(helm, tree.Root, "template", tree.Repository, tree.Chart, "--set", "gateway.create=true");
        Assert.True(chart.ExitCode == 0, chart.Stderr);
        File.WriteAllText(Path.Combine(tree.Root, "rendered-helm.yaml"), chart.Stdout);
        rendered.Add(Path.Combine(tree.Root, "rendered-helm.yaml"));

        var node = ClusterTools.Require("node");
        var validation = ClusterTools.Run(node, validator, ["validate.mjs", .. rendered]);
        Assert.True(validation.ExitCode == 0, validation.Stdout + validation.Stderr);
        var valid = validation.Stdout.Split('\n').Count(l => l.StartsWith("valid ", StringComparison.Ordinal));
        Assert.True(valid >= 8 * 2, $"expected every object to be checked, saw {valid}:\n{validation.Stdout}");
        foreach (var expectedKind in new[] { "Deployment", "Service", "ConfigMap", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "HTTPRoute", "Gateway" })
            Assert.Contains($" {expectedKind} ", validation.Stdout);
    }

    [Fact]
    public void The_validator_rejects_an_invalid_object()
    {
        var validator = RequireValidator();
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["bad.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  selector: {}\n  template:\n    spec:\n      securityContext:\n        runAsUser: root\n      containers: []\n" +
                           "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: x\nspec:\n  rules:\n    - backendRefs:\n        - name: x\n          port: 99999\n",
        });
        var node = ClusterTools.Require("node");
        var run = ClusterTools.Run(node, validator, "validate.mjs", tree.PathOf("bad.yaml"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("runAsUser must be integer", run.Stdout);
        Assert.Contains("port must be <= 65535", run.Stdout);
    }
}
