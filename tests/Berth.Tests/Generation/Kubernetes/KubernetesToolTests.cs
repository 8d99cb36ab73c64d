namespace Berth.Tests.Generation.Kubernetes;

/// <summary>
/// The generated trees through the real tools: kubectl kustomize renders every overlay, helm lint --strict passes, helm template
/// renders with the defaults and with overrides, and the chart renders the same objects as the Kustomize base.
/// Skipped loudly when kubectl or helm is absent.
/// </summary>
public sealed class KubernetesToolTests
{
    public static TheoryData<string, string> Apps() => GeneratedTree.Apps();

    private static IReadOnlyList<RenderedObject> Kustomize(GeneratedTree tree, string folder)
    {
        var kubectl = ClusterTools.Require("kubectl");
        var run = ClusterTools.Run(kubectl, tree.Root, "kustomize", tree.Kustomize(folder));
        Assert.True(run.ExitCode == 0, $"kubectl kustomize k8s/{folder} failed:\n{run.Stderr}");
        return RenderedObject.Parse(run.Stdout);
    }

    private static ToolRun HelmTemplate(GeneratedTree tree, params string[] sets)
    {
        var helm = ClusterTools.Require("helm");
        var args = new List<string> { "template", tree.Repository, tree.Chart };
        foreach (var set in sets)
            args.AddRange(["--set", set]);
        return ClusterTools.Run(helm, tree.Root, [.. args]);
    }

    private static IReadOnlyList<RenderedObject> Helm(GeneratedTree tree, params string[] sets)
    {
        var run = HelmTemplate(tree, sets);
        Assert.True(run.ExitCode == 0, $"helm template {string.Join(' ', sets)} failed:\n{run.Stderr}");
        return RenderedObject.Parse(run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Kustomize_renders_the_base_every_overlay_and_the_gateway(string kind, string app)
    {
        using var tree = new GeneratedTree(kind, app);
        var services = Directory.GetDirectories(tree.Kustomize("base")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(services);

        var baseObjects = Kustomize(tree, "base");
        foreach (var service in services)
        {
            foreach (var objectKind in new[] { "Deployment", "Service", "ConfigMap", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy" })
                Assert.Contains(baseObjects, o => o.Kind == objectKind && (o.Name == service || o.Name == service + "-config"));
        }
        Assert.DoesNotContain(baseObjects, o => o.Kind == "Secret");

        var dev = Kustomize(tree, "overlays/dev");
        Assert.DoesNotContain(dev, o => o.Kind is "HorizontalPodAutoscaler" or "PodDisruptionBudget");
        foreach (var deployment in dev.Where(o => o.Kind == "Deployment"))
        {
            Assert.Equal("1", deployment.Text("spec.replicas"));
            Assert.Equal("Never", deployment.Text("spec.template.spec.containers.0.imagePullPolicy"));
            Assert.EndsWith(":dev", deployment.Text("spec.template.spec.containers.0.image"));
        }

        var prod = Kustomize(tree, "overlays/prod");
        foreach (var deployment in prod.Where(o => o.Kind == "Deployment"))
        {
            Assert.Null(deployment.At("spec.replicas")); // the HPA owns it
            Assert.EndsWith(":SET-RELEASE-TAG", deployment.Text("spec.template.spec.containers.0.image"));
            Assert.Equal("kubernetes.io/hostname", deployment.Text("spec.template.spec.topologySpreadConstraints.0.topologyKey"));
            Assert.Contains(prod, o => o.Kind == "HorizontalPodAutoscaler" && o.Name == deployment.Name && o.Text("spec.minReplicas") == "2");
        }

        var gateway = Kustomize(tree, "gateway");
        var only = Assert.Single(gateway);
        Assert.Equal("Gateway", only.Kind);
        foreach (var route in baseObjects.Where(o => o.Kind == "HTTPRoute"))
        {
            Assert.Equal(only.Name, route.Text("spec.parentRefs.0.name"));
            Assert.Equal(only.Text("spec.listeners.0.name"), route.Text("spec.parentRefs.0.sectionName"));
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_selector_is_the_one_label_set_and_matches_the_pods(string kind, string app)
    {
        using var tree = new GeneratedTree(kind, app);
        var objects = Kustomize(tree, "base");
        foreach (var deployment in objects.Where(o => o.Kind == "Deployment"))
        {
            var selector = deployment.Canonical().Split('\n').Where(l => l.StartsWith("spec.selector.matchLabels.", StringComparison.Ordinal))
                .Select(l => l["spec.selector.matchLabels.".Length..]).ToList();
            Assert.Equal([$"app.kubernetes.io/instance = {tree.Repository}", $"app.kubernetes.io/name = {deployment.Name}"], selector);
            var podLabels = deployment.Canonical().Split('\n').Where(l => l.StartsWith("spec.template.metadata.labels.", StringComparison.Ordinal))
                .Select(l => l["spec.template.metadata.labels.".Length..]).ToList();
            Assert.All(selector, s => Assert.Contains(s, podLabels));

            string[] Labels(RenderedObject o, string prefix) => o.Canonical().Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToArray();
            Assert.Equal(selector, Labels(objects.Single(o => o.Kind == "Service" && o.Name == deployment.Name), "spec.selector."));
            Assert.Equal(selector, Labels(objects.Single(o => o.Kind == "PodDisruptionBudget" && o.Name == deployment.Name), "spec.selector.matchLabels."));
            Assert.Equal(selector, Labels(objects.Single(o => o.Kind == "NetworkPolicy" && o.Name == deployment.Name), "spec.podSelector.matchLabels."));

            // Ports: the Service, the container, the probes and the NetworkPolicy all use the app's port.
            var service = objects.Single(o => o.Kind == "Service" && o.Name == deployment.Name);
            var port = deployment.Text("spec.template.spec.containers.0.ports.0.containerPort");
            Assert.Equal(port, service.Text("spec.ports.0.port"));
            Assert.Equal("http", service.Text("spec.ports.0.targetPort"));
            Assert.Equal(port, objects.Single(o => o.Kind == "NetworkPolicy" && o.Name == deployment.Name).Text("spec.ingress.0.ports.0.port"));
            if (objects.SingleOrDefault(o => o.Kind == "HTTPRoute" && o.Name == deployment.Name) is { } route)
                Assert.Equal(port, route.Text("spec.rules.0.backendRefs.0.port"));

            // A migration Job's pods are selected by none of the service's selectors.
            foreach (var job in objects.Where(o => o.Kind == "Job"))
                Assert.False(selector.All(s => Labels(job, "spec.template.metadata.labels.").Contains(s)), $"{deployment.Key}'s selector matches {job.Key}'s pods");
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Helm_lint_strict_passes(string kind, string app)
    {
        using var tree = new GeneratedTree(kind, app);
        var helm = ClusterTools.Require("helm");
        var run = ClusterTools.Run(helm, tree.Root, "lint", "--strict", tree.Chart);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("0 chart(s) failed", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Helm_template_renders_with_overrides(string kind, string app)
    {
        using var tree = new GeneratedTree(kind, app);
        var defaults = Helm(tree);
        Assert.Contains(defaults, o => o.Kind == "HTTPRoute");
        Assert.DoesNotContain(defaults, o => o.Kind == "Gateway");

        // More replicas without the autoscaler: replicas set, no HPA, the PDB stays.
        var first = Berth.Generation.Kubernetes.Helm.HelmChart.ValuesKey(defaults.First(o => o.Kind == "Deployment").Name);
        var scaled = Helm(tree, $"services.{first}.autoscaling.enabled=false", $"services.{first}.replicaCount=3");
        var deployments = scaled.Where(o => o.Kind == "Deployment").ToList();
        Assert.Contains(deployments, d => d.Text("spec.replicas") == "3");
        Assert.Equal(defaults.Count(o => o.Kind == "HorizontalPodAutoscaler") - 1, scaled.Count(o => o.Kind == "HorizontalPodAutoscaler"));
        Assert.Equal(defaults.Count(o => o.Kind == "PodDisruptionBudget"), scaled.Count(o => o.Kind == "PodDisruptionBudget"));

        // One replica: no PDB for it (it would block every node drain).
        var single = Helm(tree, $"services.{first}.autoscaling.enabled=false", $"services.{first}.replicaCount=1");
        Assert.Equal(defaults.Count(o => o.Kind == "PodDisruptionBudget") - 1, single.Count(o => o.Kind == "PodDisruptionBudget"));

        // Gateway off: no route; Gateway created on request.
        Assert.DoesNotContain(Helm(tree, "gateway.enabled=false"), o => o.Kind == "HTTPRoute");
        var withGateway = Helm(tree, "gateway.create=true");
        var gateway = Assert.Single(withGateway, o => o.Kind == "Gateway");
        Assert.All(withGateway.Where(o => o.Kind == "HTTPRoute"), r => Assert.Equal(gateway.Name, r.Text("spec.parentRefs.0.name")));

        // A migration Job per service that has one, dropped with migration.enabled=false.
        foreach (var job in defaults.Where(o => o.Kind == "Job"))
        {
            var service = Berth.Generation.Kubernetes.Helm.HelmChart.ValuesKey(job.Name[..job.Name.LastIndexOf("-migrate", StringComparison.Ordinal)]);
            var off = Helm(tree, $"services.{service}.migration.enabled=false");
            Assert.DoesNotContain(off, o => o.Key == job.Key);
            Assert.Equal(defaults.Count - 1, off.Count);
        }

        // values.schema.json rejects a wrong type before anything renders.
        var bad = HelmTemplate(tree, $"services.{first}.replicaCount=three");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("replicaCount", bad.Stderr);
        var typo = HelmTemplate(tree, $"services.{first}.replicas=3");
        Assert.NotEqual(0, typo.ExitCode);
    }

    /// <summary>
    /// Rewrites a base Job's envFrom ConfigMap into the env entries it yields (the ConfigMap's data, in key order, before the Secret
    /// keys), which is what the chart's hook Job writes inline.
    /// </summary>
    private static void InlineConfigMap(RenderedObject job, IReadOnlyList<RenderedObject> objects)
    {
        var container = (YamlDotNet.RepresentationModel.YamlMappingNode)job.At("spec.template.spec.containers.0")!;
        var configMap = objects.Single(o => o.Kind == "ConfigMap" && o.Name == job.Text("spec.template.spec.containers.0.envFrom.0.configMapRef.name"));
        Assert.Null(job.At("spec.template.spec.containers.0.envFrom.1"));
        var env = new YamlDotNet.RepresentationModel.YamlSequenceNode();
        if (configMap.At("data") is YamlDotNet.RepresentationModel.YamlMappingNode data)
        {
            foreach (var (key, value) in data.Children.OrderBy(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value, StringComparer.Ordinal))
                env.Add(new YamlDotNet.RepresentationModel.YamlMappingNode(new YamlDotNet.RepresentationModel.YamlScalarNode("name"), key, new YamlDotNet.RepresentationModel.YamlScalarNode("value"), value));
        }
        if (container.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("env"), out var secretEnv))
        {
            foreach (var entry in ((YamlDotNet.RepresentationModel.YamlSequenceNode)secretEnv).Children)
                env.Add(entry);
        }
        container.Children.Remove(new YamlDotNet.RepresentationModel.YamlScalarNode("envFrom"));
        container.Children.Remove(new YamlDotNet.RepresentationModel.YamlScalarNode("env"));
        if (env.Children.Count > 0)
            container.Children.Add(new YamlDotNet.RepresentationModel.YamlScalarNode("env"), env);
    }

    [Fact]
    public void A_hook_jobs_inline_env_is_the_configmap_the_base_job_reads()
    {
        // The fixture's migrating service has no non-secret setting; this plan's web has two (ORDERS_SERVICE_URL, LOG_LEVEL) and a secret.
        var plan = MigrationJobTests.TwoServices();
        using var output = new Berth.Tests.Support.TempTree();
        foreach (var file in Berth.Generation.Kubernetes.Kustomize.KustomizeTree.Files(plan).Concat(Berth.Generation.Kubernetes.Helm.HelmChart.Files(plan)))
            output.Write(file.Path, file.Content);
        var kubectl = ClusterTools.Require("kubectl");
        var helm = ClusterTools.Require("helm");
        var kustomizeRun = ClusterTools.Run(kubectl, output.Root, "kustomize", output.PathOf("k8s/base"));
        var helmRun = ClusterTools.Run(helm, output.Root, "template", plan.RepositoryName, output.PathOf($"charts/{plan.RepositoryName}"));
        Assert.True(kustomizeRun.ExitCode == 0 && helmRun.ExitCode == 0, kustomizeRun.Stderr + helmRun.Stderr);
        var kustomize = RenderedObject.Parse(kustomizeRun.Stdout);
        var chart = RenderedObject.Parse(helmRun.Stdout);
        var web = chart.Single(o => o.Key == "Job/web-migrate");
        Assert.Equal(["LOG_LEVEL", "ORDERS_SERVICE_URL", "DATABASE_URL"], ((YamlDotNet.RepresentationModel.YamlSequenceNode)web.At("spec.template.spec.containers.0.env")!).Children
            .Select(e => ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)e).Children[new YamlDotNet.RepresentationModel.YamlScalarNode("name")]).Value));
        Assert.Equal("http://orders-service:8000", web.Text("spec.template.spec.containers.0.env.1.value"));
        string[] managed =
        [
            "metadata.labels.app.kubernetes.io/managed-by", "metadata.labels.helm.sh/chart",
            "spec.template.metadata.labels.app.kubernetes.io/managed-by", "spec.template.metadata.labels.helm.sh/chart",
            "metadata.annotations.helm.sh/hook", "metadata.annotations.helm.sh/hook-weight", "metadata.annotations.helm.sh/hook-delete-policy",
        ];
        foreach (var job in chart.Where(o => o.Kind == "Job"))
        {
            var expected = kustomize.Single(o => o.Key == job.Key);
            InlineConfigMap(expected, kustomize);
            Assert.True(expected.Canonical(managed) == job.Canonical(managed),
                Berth.Generation.LineDiff.Unified(expected.Canonical(managed), job.Canonical(managed), "kustomize", "helm"));
        }
        Assert.Equal(2, chart.Count(o => o.Kind == "Job"));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Chart_renders_the_same_objects_as_the_kustomize_base(string kind, string app)
    {
        using var tree = new GeneratedTree(kind, app);
        var kustomize = Kustomize(tree, "base");
        var helm = Helm(tree);
        Assert.Equal(kustomize.Select(o => o.Key), helm.Select(o => o.Key));
        // The migration Jobs: in the chart a pre-install,pre-upgrade hook (the only annotations any object has), which runs before the
        // release's ConfigMap exists, so it carries the ConfigMap's values inline where the base reads the ConfigMap with envFrom.
        foreach (var job in helm.Where(o => o.Kind == "Job"))
        {
            Assert.Equal(
                ["helm.sh/hook = pre-install,pre-upgrade", "helm.sh/hook-delete-policy = before-hook-creation,hook-succeeded", "helm.sh/hook-weight = 0"],
                job.Canonical().Split('\n').Where(l => l.StartsWith("metadata.annotations.", StringComparison.Ordinal)).Select(l => l["metadata.annotations.".Length..]));
            Assert.Null(job.At("spec.template.spec.containers.0.envFrom"));
            InlineConfigMap(kustomize.Single(o => o.Key == job.Key), kustomize);
        }
        Assert.All(helm.Where(o => o.Kind != "Job"), o => Assert.Null(o.At("metadata.annotations")));
        // Only who manages the objects differs (kustomize vs Helm, and Helm's own chart label).
        string[] managed =
        [
            "metadata.labels.app.kubernetes.io/managed-by", "metadata.labels.helm.sh/chart",
            "spec.template.metadata.labels.app.kubernetes.io/managed-by", "spec.template.metadata.labels.helm.sh/chart",
            "metadata.annotations.helm.sh/hook", "metadata.annotations.helm.sh/hook-weight", "metadata.annotations.helm.sh/hook-delete-policy",
        ];
        foreach (var (expected, actual) in kustomize.Zip(helm))
            Assert.True(expected.Canonical(managed) == actual.Canonical(managed),
                $"{expected.Key} differs between the Kustomize base and the chart:\n" +
                Berth.Generation.LineDiff.Unified(expected.Canonical(managed), actual.Canonical(managed), "kustomize", "helm"));

        // Annotations left: only hook annotations were removed, so an object with nothing else left under them must not keep the key.
        Assert.All(helm.Where(o => o.Kind == "Job"), job => Assert.DoesNotContain("metadata.annotations", job.Canonical(managed)));

        // The optional Gateway too: k8s/gateway and the chart with gateway.create=true.
        var gateway = Assert.Single(Kustomize(tree, "gateway"));
        var chartGateway = Assert.Single(Helm(tree, "gateway.create=true"), o => o.Kind == "Gateway");
        Assert.Equal(gateway.Canonical(managed), chartGateway.Canonical(managed));
    }
}
