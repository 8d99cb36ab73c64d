using Berth.Apps;
using Berth.Generation;
using Berth.Generation.Kubernetes;
using Berth.Generation.Kubernetes.Helm;
using Berth.Generation.Kubernetes.Kustomize;
using Berth.Tests.Support;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>berth init --k8s without external tools: golden trees, the --k8s choices, secrets never written, links, stack neutrality.</summary>
public sealed class KubernetesInitTests
{
    [Theory]
    [InlineData("fixture", "shop", "slim")]
    [InlineData("example", "notes-api", "slim")]
    [InlineData("example", "inventory-service", "distroless")]
    [InlineData("example", "chat-platform", "slim")]
    [InlineData("fixture", "migrating-api", "slim")]
    [InlineData("fixture", "writable-journal", "slim")]
    public void Generated_trees_match_the_golden_files(string kind, string app, string runtime)
    {
        // sources copied beside the output, so the build context each Dockerfile names (../src/APP) is the same on every machine
        using var tree = TempTree.CopyOf(kind == "example" ? RepoPaths.Example(app) : RepoPaths.Fixture(app), "src/" + app);
        var run = BerthCli.Run("init", tree.PathOf("src/" + app), "--out", tree.PathOf("out"), "--runtime", runtime, "--k8s", "all", "--no-compose");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder($"k8s/{app}-{runtime}", tree.PathOf("out"));
    }

    [Theory]
    [InlineData("none", false, false)]
    [InlineData("kustomize", true, false)]
    [InlineData("helm", false, true)]
    [InlineData("all", true, true)]
    public void The_k8s_option_chooses_the_trees(string choice, bool kustomize, bool helm)
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root, "--k8s", choice);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Equal(kustomize, Directory.Exists(output.PathOf("k8s/base/notes-api")));
        Assert.Equal(kustomize, Directory.Exists(output.PathOf("k8s/overlays/dev")));
        Assert.Equal(helm, File.Exists(output.PathOf("charts/notes-api/Chart.yaml")));
        Assert.Equal(kustomize || helm, run.Stdout.Contains("\nkubernetes\n", StringComparison.Ordinal));
        Assert.True(File.Exists(output.PathOf("Dockerfile")));
    }

    [Fact]
    public void The_json_plan_gives_every_value_its_reason_and_the_commands()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture("shop"), "--out", output.Root, "--format", "json", "--dry-run");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var cluster = json.RootElement.GetProperty("kubernetes");
        Assert.Contains(cluster.GetProperty("decisions").EnumerateArray(), d => d.GetString()!.Contains("CATALOG_URL", StringComparison.Ordinal));
        var services = cluster.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()!).ToList());
        Assert.Equal(["catalog", "web"], services.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(services["catalog"], d => d.Contains("PAGE_SIZE=50 (the code's default, catalog/app/main.py:8)", StringComparison.Ordinal));
        Assert.Contains(services["catalog"], d => d.Contains("keys DATABASE_URL", StringComparison.Ordinal));
        Assert.Contains(services["web"], d => d.StartsWith("resources: 2 server processes", StringComparison.Ordinal));
        Assert.Contains(services["web"], d => d.StartsWith("terminationGracePeriodSeconds 20 = preStop sleep 5 s", StringComparison.Ordinal));
        Assert.All(cluster.GetProperty("files").EnumerateArray(), f => Assert.Equal("would-create", f.GetProperty("outcome").GetString()));
        var commands = cluster.GetProperty("commands").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Contains("secret web-secrets: kubectl create secret generic web-secrets --from-env-file=web.secret.env", commands);
        Assert.Contains(commands, c => c.Contains("minikube image load web:dev", StringComparison.Ordinal) && c.Contains("kind load docker-image web:dev", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output.PathOf("k8s")));
    }

    [Fact]
    public void Helm_alone_keeps_the_secret_template_beside_the_chart()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root, "--k8s", "helm");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.True(File.Exists(output.PathOf("charts/notes-api/notes-api.secret.example.env")));
        Assert.Contains($"cp {output.Root}/charts/notes-api/notes-api.secret.example.env notes-api.secret.env", run.Stdout);
        Assert.Contains("*.secret.example.env", File.ReadAllText(output.PathOf("charts/notes-api/.helmignore")));
    }

    [Fact]
    public void Two_services_with_one_kubernetes_name_exit_2_and_write_nothing()
    {
        const string app = "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n";
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["api/main.py"] = app,
            ["API/requirements.txt"] = "fastapi\nuvicorn\n",
            ["API/main.py"] = app,
        });
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("would both be named 'api' in Kubernetes", run.Stderr);
        Assert.Equal(before, tree.Files());
        Assert.Equal(0, BerthCli.Run("init", tree.Root, "--k8s", "none").ExitCode);
    }

    [Fact]
    public void Without_out_the_trees_go_to_the_repository_root_and_a_dry_run_writes_nothing()
    {
        using var copy = TempTree.CopyOf(RepoPaths.Fixture("shop"));
        var dry = BerthCli.Run("init", copy.Root, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("would-create", dry.Stdout);
        Assert.False(Directory.Exists(copy.PathOf("k8s")));
        Assert.False(Directory.Exists(copy.PathOf("charts")));
        var run = BerthCli.Run("init", copy.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(copy.PathOf("k8s/base/web/deployment.yaml")));
        Assert.True(File.Exists(copy.PathOf($"charts/{Path.GetFileName(copy.Root)}/values.yaml")));
    }

    [Fact]
    public void A_changed_manifest_is_kept_with_a_diff_until_forced()
    {
        using var output = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root).ExitCode);
        var deployment = output.PathOf("k8s/base/notes-api/deployment.yaml");
        var generated = File.ReadAllText(deployment);
        File.WriteAllText(deployment, generated.Replace("memory: 256Mi", "memory: 1Gi", StringComparison.Ordinal));
        var again = BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("kept", again.Stdout);
        Assert.Contains("-              memory: 1Gi", again.Stdout);
        Assert.Contains("memory: 1Gi", File.ReadAllText(deployment));
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root, "--force").ExitCode);
        Assert.Equal(generated, File.ReadAllText(deployment));
    }

    [Fact]
    public void Secret_values_never_appear_and_no_secret_object_is_written()
    {
        using var copy = TempTree.CopyOf(RepoPaths.Example("notes-api"));
        copy.Write(".env", "API_KEY=key-9fQ2-unique-secret\nDATABASE_URL=postgresql://u:pw-Zk81-unique@db/notes\nLOG_LEVEL=trace-from-dotenv\n");
        var run = BerthCli.Run("init", copy.Root);
        Assert.Equal(0, run.ExitCode);
        var texts = Directory.EnumerateFiles(copy.PathOf("k8s"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(copy.PathOf("charts"), "*", SearchOption.AllDirectories))
            .Select(File.ReadAllText).Append(run.Stdout).Append(run.Stderr).ToList();
        foreach (var text in texts)
        {
            Assert.DoesNotContain("key-9fQ2-unique-secret", text);
            Assert.DoesNotContain("pw-Zk81-unique", text);
            Assert.DoesNotContain("trace-from-dotenv", text);
            Assert.DoesNotContain("kind: Secret\n", text);
        }
        // The service at the copy's root is named after its folder.
        var templatePath = Assert.Single(Directory.EnumerateFiles(copy.PathOf("k8s/base"), "secret.example.env", SearchOption.AllDirectories));
        var folder = Path.GetDirectoryName(templatePath)!;
        var service = Path.GetFileName(folder);
        Assert.Equal(["API_KEY=", "DATABASE_URL="], File.ReadAllText(templatePath).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
        Assert.Contains($"kubectl create secret generic {service}-secrets --from-env-file={service}.secret.env", run.Stdout);
        var deployment = File.ReadAllText(Path.Combine(folder, "deployment.yaml"));
        Assert.Contains($"secretKeyRef:\n                  name: {service}-secrets\n                  key: API_KEY\n", deployment);
        Assert.Contains("LOG_LEVEL: info", File.ReadAllText(Path.Combine(folder, "configmap.yaml")));
    }

    [Fact]
    public void The_frontend_reaches_the_backend_by_its_service_dns_name_and_only_it_may()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture("shop"), "--out", output.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CATALOG_URL: http://catalog:8001", File.ReadAllText(output.PathOf("k8s/base/web/configmap.yaml")));
        Assert.False(File.Exists(output.PathOf("k8s/base/catalog/httproute.yaml")), "an internal service gets no route");
        Assert.True(File.Exists(output.PathOf("k8s/base/web/httproute.yaml")));
        var policy = File.ReadAllText(output.PathOf("k8s/base/catalog/networkpolicy.yaml"));
        Assert.Contains("app.kubernetes.io/name: web", policy);
        Assert.DoesNotContain("namespaceSelector", policy);
        Assert.Contains("fromServices:\n        - web", File.ReadAllText(output.PathOf("charts/shop/values.yaml")));
    }

    [Fact]
    public void Links_come_from_variable_names_and_build_time_links_expose_the_target()
    {
        ServiceProfile Profile(string name, params EnvVariable[] env) => new()
        {
            Name = name, Path = name, BuildContext = name, Runtime = new RuntimeInfo("node", "20", "test"), Framework = "next", Port = 3000,
            Health = [], Env = env, PackageManager = "npm",
        };
        var web = Profile("web", new EnvVariable("NEXT_PUBLIC_API_URL", false, false, "web/app.ts:1", null, BuildTime: true), new EnvVariable("ORDERS_SERVICE_URL", false, false, "web/app.ts:2", null));
        var api = Profile("api");
        var orders = Profile("orders-service");
        var links = ServiceLinks.Find([web, api, orders]);
        Assert.Equal(
            [new ServiceLink("web", "NEXT_PUBLIC_API_URL", "api", true, "web/app.ts:1"), new ServiceLink("web", "ORDERS_SERVICE_URL", "orders-service", false, "web/app.ts:2")],
            links);
        Assert.Equal("http://orders-service:3000", ServiceLinks.Value(links[1], 3000));
        Assert.Empty(ServiceLinks.Find([Profile("web", new EnvVariable("REDIS_URL", false, false, "x", null)), api]));
    }

    [Fact]
    public void The_writers_read_only_the_shared_profile_and_the_container_contract()
    {
        // A stack Berth has no Python facts for: the Kubernetes writers must not need them.
        var profile = new ServiceProfile
        {
            Name = "storefront", Path = "apps/storefront", BuildContext = ".", Runtime = new RuntimeInfo("node", "20", "test"), Framework = "next",
            Port = 3000, Health = [new HealthRoute("/api/health", ["GET"], "apps/storefront/app/api/health/route.ts:1")],
            Env = [new EnvVariable("NEXT_PUBLIC_SITE", false, false, "x:1", null, BuildTime: true), new EnvVariable("STRIPE_SECRET_KEY", true, true, "x:2", null)],
            PackageManager = "pnpm",
        };
        var contract = new ContainerContract
        {
            Image = "storefront", Uid = 65532, Gid = 65532, Port = 3000, Command = ["node", "server.js"],
            Liveness = profile.Health[0], Readiness = profile.Health[0],
            WritablePaths = [new WritablePath("/tmp", "temp", "test"), new WritablePath("/app/.next/cache", "Next.js image cache", "test"), new WritablePath("/app/.next/cache/", "dup", "test")],
            GracefulStopSeconds = 30, Processes = 1, ProcessMemoryMiB = 256, BaseImage = "gcr.io/distroless/nodejs20-debian12:nonroot",
        };
        Assert.Null(profile.Python);
        var plan = KubernetesPlanner.Plan("shopfront", [(profile, contract)]);
        var files = KustomizeTree.Files(plan).Concat(HelmChart.Files(plan)).ToDictionary(f => f.Path, f => f.Content);
        var deployment = files["k8s/base/storefront/deployment.yaml"];
        Assert.Contains("runAsUser: 65532", deployment);
        Assert.Contains("terminationGracePeriodSeconds: 40", deployment);
        Assert.Contains("mountPath: /app/.next/cache", deployment);
        Assert.Contains("name: app-next-cache", deployment);
        Assert.Single(plan.Workloads[0].Volumes, v => v.MountPath == "/app/.next/cache");
        Assert.Contains("memory: 256Mi", deployment);
        Assert.Contains("path: /api/health", deployment);
        Assert.DoesNotContain("NEXT_PUBLIC_SITE", files["k8s/base/storefront/configmap.yaml"]);
        Assert.Contains(plan.Workloads[0].Decisions, d => d.StartsWith("NEXT_PUBLIC_SITE is fixed at build time", StringComparison.Ordinal));
        Assert.Equal("# Keys of Secret storefront-secrets (berth never writes values). Copy this file outside Git, fill it in, then:\n" +
                     "#   kubectl create secret generic storefront-secrets --from-env-file=storefront.secret.env\n" +
                     "# required, read at x:2\nSTRIPE_SECRET_KEY=\n", files["k8s/base/storefront/secret.example.env"]);
        Assert.Contains("storefront:\n", files["charts/shopfront/values.yaml"]);
    }

    [Fact]
    public void Several_user_facing_services_get_one_hostname_each()
    {
        ServiceProfile Profile(string name) => new()
        {
            Name = name, Path = name, BuildContext = name, Runtime = new RuntimeInfo("python", "3.12", "test"), Framework = "fastapi", Port = 8000,
            Health = [], Env = [], PackageManager = "pip",
        };
        ContainerContract Contract(string name) => new()
        {
            Image = name, Uid = 10001, Gid = 10001, Port = 8000, Command = ["uvicorn"], GracefulStopSeconds = 10, Processes = 1, BaseImage = "python:3.12-slim",
        };
        var plan = KubernetesPlanner.Plan("suite", [(Profile("orders"), Contract("orders")), (Profile("billing"), Contract("billing"))]);
        Assert.Equal([["orders.suite.example.com"], ["billing.suite.example.com"]], plan.Workloads.Select(w => w.Hostnames));
        var files = KustomizeTree.Files(plan).Concat(HelmChart.Files(plan)).ToDictionary(f => f.Path, f => f.Content);
        Assert.Contains("  hostnames:\n    - orders.suite.example.com\n", files["k8s/base/orders/httproute.yaml"]);
        Assert.Contains("      hostnames:\n        - billing.suite.example.com\n", files["charts/suite/values.yaml"]);
        Assert.Contains(plan.Decisions, d => d.StartsWith("2 services are user-facing", StringComparison.Ordinal));
        // A tcp probe when the app has no health route.
        Assert.Contains("tcpSocket:\n              port: http\n", files["k8s/base/orders/deployment.yaml"]);

        var single = KubernetesPlanner.Plan("suite", [(Profile("orders"), Contract("orders"))]);
        Assert.Empty(single.Workloads[0].Hostnames);
    }

    [Theory]
    [InlineData("notes-api", "notesApi")]
    [InlineData("inventory_service", "inventoryService")]
    [InlineData("9lives", "s9lives")]
    public void Values_keys_are_camel_case(string name, string key) => Assert.Equal(key, HelmChart.ValuesKey(name));
}
