using Berth.Apps;
using Berth.Generation;
using Berth.Generation.Kubernetes;
using Berth.Generation.Kubernetes.Helm;
using Berth.Generation.Kubernetes.Kustomize;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>
/// A service's migration becomes a Job of its own: the Deployment's image, env and pod hardening, and pod labels that no selector of
/// the set (the Deployments', Services', PodDisruptionBudgets', NetworkPolicies' and topology spreads') matches.
/// </summary>
public sealed class MigrationJobTests
{
    private static ServiceProfile Profile(string name, MigrationCommand? migration, params EnvVariable[] env) => new()
    {
        Name = name, Path = name, BuildContext = name, Runtime = new RuntimeInfo("python", "3.12", "test"), Framework = "fastapi", Port = 8000,
        Health = [new HealthRoute("/health", ["GET"], $"{name}/main.py:9")], Env = env, PackageManager = "pip", Migrations = migration,
    };

    private static ContainerContract Contract(string name, IReadOnlyList<string>? migration) => new()
    {
        Image = name, Uid = 10001, Gid = 10001, Port = 8000, Command = ["uvicorn", "main:app"], GracefulStopSeconds = 10, Processes = 1,
        BaseImage = "python:3.12-slim", MigrationCommand = migration, WritablePaths = [new WritablePath("/app/uploads", "uploads", "test")],
    };

    private static readonly MigrationCommand Alembic = new("alembic", "alembic upgrade head", false, "alembic.ini");

    /// <summary>web calls orders-service (ORDERS_SERVICE_URL), so orders-service's NetworkPolicy selects web's pods; both migrate.</summary>
    internal static KubernetesPlan TwoServices() => KubernetesPlanner.Plan("suite",
    [
        (Profile("web", Alembic, new EnvVariable("ORDERS_SERVICE_URL", false, false, "web/main.py:3", null), new EnvVariable("DATABASE_URL", true, true, "web/main.py:4", null),
                new EnvVariable("LOG_LEVEL", false, false, "web/main.py:5", "info")),
            Contract("web", ["alembic", "upgrade", "head"])),
        (Profile("orders-service", new MigrationCommand("django", "python manage.py migrate --noinput", true, "Procfile:1")),
            Contract("orders-service", ["python", "manage.py", "migrate", "--noinput"])),
    ]);

    /// <summary>The objects (and overlay patches) of the Kustomize tree's files under <paramref name="folder"/>.</summary>
    private static List<RenderedObject> Objects(KubernetesPlan plan, string folder = "k8s/") => KustomizeTree.Files(plan)
        .Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal) && f.Path.EndsWith(".yaml", StringComparison.Ordinal) && !f.Path.EndsWith("kustomization.yaml", StringComparison.Ordinal))
        .SelectMany(f => RenderedObject.Parse(f.Content))
        .ToList();

    private static Dictionary<string, string> Map(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!) : [];

    /// <summary>Every label selector in an object: any matchLabels (Deployment, PDB, NetworkPolicy pod and peer selectors, topology spread), and a Service's selector.</summary>
    private static IEnumerable<Dictionary<string, string>> Selectors(RenderedObject o)
    {
        if (o.Kind == "Service")
            yield return Map(o.At("spec.selector"));
        foreach (var found in MatchLabels(o.Node))
            yield return found;
    }

    private static IEnumerable<Dictionary<string, string>> MatchLabels(YamlNode node)
    {
        var children = node switch
        {
            YamlMappingNode map => map.Children.Select(c => (Key: ((YamlScalarNode)c.Key).Value, c.Value)),
            YamlSequenceNode seq => seq.Children.Select(c => (Key: (string?)null, Value: c)),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            if (key == "matchLabels")
                yield return Map(value);
            else
            {
                foreach (var inner in MatchLabels(value))
                    yield return inner;
            }
        }
    }

    private static bool Matches(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    [Fact]
    public void No_selector_in_the_set_matches_a_migration_jobs_pods()
    {
        var objects = Objects(TwoServices());
        var selectors = objects.SelectMany(o => Selectors(o).Select(s => (Owner: o.Key, Selector: s))).ToList();
        Assert.Contains(selectors, s => s.Owner == "NetworkPolicy/orders-service" && s.Selector.GetValueOrDefault("app.kubernetes.io/name") == "web");
        Assert.Contains(selectors, s => s.Owner == "Deployment/web" && s.Selector.Count == 2); // the prod overlay's topology spread

        // The matching is real: every Deployment's pods are selected by its own Deployment, Service, PDB and NetworkPolicy.
        foreach (var deployment in Objects(TwoServices(), "k8s/base/").Where(o => o.Kind == "Deployment"))
        {
            var podLabels = Map(deployment.At("spec.template.metadata.labels"));
            foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy" })
                Assert.Contains(selectors, s => s.Owner == $"{kind}/{deployment.Name}" && Matches(s.Selector, podLabels));
        }

        var jobs = Objects(TwoServices(), "k8s/base/").Where(o => o.Kind == "Job").ToList();
        Assert.Equal(["Job/orders-service-migrate", "Job/web-migrate"], jobs.Select(j => j.Key).Order(StringComparer.Ordinal));
        foreach (var job in jobs)
        {
            var podLabels = Map(job.At("spec.template.metadata.labels"));
            Assert.Equal("migration", podLabels["app.kubernetes.io/component"]);
            Assert.Equal(job.Name, podLabels["app.kubernetes.io/name"]);
            Assert.Empty(selectors.Where(s => Matches(s.Selector, podLabels)).Select(s => $"{s.Owner} selects {job.Key}'s pods"));
        }
    }

    [Fact]
    public void The_job_runs_the_migration_with_the_deployments_image_env_and_hardening()
    {
        var objects = Objects(TwoServices(), "k8s/base/");
        var deployment = objects.Single(o => o.Key == "Deployment/web");
        var job = objects.Single(o => o.Key == "Job/web-migrate");
        string[] Lines(RenderedObject o, string prefix) => o.Canonical().Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToArray();

        foreach (var part in new[] { "securityContext.", "volumes.", "automountServiceAccountToken" })
            Assert.Equal(Lines(deployment, "spec.template.spec." + part), Lines(job, "spec.template.spec." + part));
        foreach (var part in new[] { "image ", "envFrom.", "env.", "resources.", "securityContext.", "volumeMounts." })
            Assert.Equal(Lines(deployment, "spec.template.spec.containers.0." + part), Lines(job, "spec.template.spec.containers.0." + part));
        Assert.Contains("containers.0.env.0.valueFrom.secretKeyRef.name = web-secrets", string.Join('\n', Lines(job, "spec.template.spec.")));
        Assert.Contains("readOnlyRootFilesystem = true", string.Join('\n', Lines(job, "spec.template.spec.containers.0.securityContext.")));

        Assert.Equal(["alembic", "upgrade", "head"], ((YamlSequenceNode)job.At("spec.template.spec.containers.0.command")!).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Null(job.At("spec.template.spec.containers.0.args"));
        Assert.Null(job.At("spec.template.spec.containers.0.readinessProbe"));
        Assert.Equal("Never", job.Text("spec.template.spec.restartPolicy"));
        Assert.Equal("2", job.Text("spec.backoffLimit"));
        Assert.Equal("300", job.Text("spec.ttlSecondsAfterFinished"));
        Assert.Equal("600", job.Text("spec.activeDeadlineSeconds"));
        Assert.Null(job.At("spec.template.spec.serviceAccountName")); // the chart's hook runs before the ServiceAccount exists

        var plan = TwoServices();
        var files = KustomizeTree.Files(plan).ToDictionary(f => f.Path, f => f.Content);
        Assert.Contains("  - web/migration-job.yaml\n", files["k8s/base/kustomization.yaml"]);
        Assert.Contains("  - path: web-migrate.yaml\n", files["k8s/overlays/dev/kustomization.yaml"]);
        Assert.Contains(plan.Workloads[0].Decisions, d => d.StartsWith("migration: Job web-migrate runs alembic upgrade head (alembic's standard command; found at alembic.ini)", StringComparison.Ordinal));
        Assert.Contains(plan.Workloads[1].Decisions, d => d.Contains("(as the repository runs it, Procfile:1)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_commands_wait_for_the_job_and_the_chart_carries_it_as_a_hook()
    {
        var plan = TwoServices();
        var artifacts = new KubernetesArtifacts(plan, [], KubernetesTargets.All);
        var commands = artifacts.Commands(p => p);
        Assert.Contains(commands, c => c.StartsWith("migration web-migrate: after each kubectl apply -k, kubectl wait --for=condition=complete --timeout=600s job/web-migrate", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("migration web-migrate (helm): a pre-install,pre-upgrade hook", StringComparison.Ordinal) && c.Contains("create Secret web-secrets before helm install", StringComparison.Ordinal));

        var chart = HelmChart.Files(plan).ToDictionary(f => f.Path, f => f.Content);
        var values = chart["charts/suite/values.yaml"];
        Assert.Contains("    migration:\n      # enabled runs the Job", values);
        Assert.Contains("      name: web-migrate\n", values);
        Assert.Contains("helm.sh/hook: pre-install,pre-upgrade", chart["charts/suite/templates/migration-job.yaml"]);
        Assert.Contains("\"migration\"", chart["charts/suite/values.schema.json"]);
    }

    [Fact]
    public void A_service_without_a_migration_gets_no_job_and_a_taken_name_is_numbered()
    {
        var plan = KubernetesPlanner.Plan("suite",
        [
            (Profile("web", Alembic), Contract("web", ["alembic", "upgrade", "head"])),
            (Profile("web-migrate", null), Contract("web-migrate", null)),
        ]);
        Assert.Equal("web-migrate-2", plan.Workloads[0].Migration?.Name);
        Assert.Null(plan.Workloads[1].Migration);
        var objects = Objects(plan, "k8s/base/");
        Assert.Equal(["Job/web-migrate-2"], objects.Where(o => o.Kind == "Job").Select(o => o.Key));
        var jobLabels = Map(objects.Single(o => o.Key == "Job/web-migrate-2").At("spec.template.metadata.labels"));
        Assert.DoesNotContain(Selectors(objects.Single(o => o.Key == "Service/web-migrate")), s => Matches(s, jobLabels));
        Assert.DoesNotContain("migration:", HelmChart.Files(plan).Single(f => f.Path.EndsWith("values.yaml", StringComparison.Ordinal)).Content.Split("webMigrate:")[1]);
    }
}
