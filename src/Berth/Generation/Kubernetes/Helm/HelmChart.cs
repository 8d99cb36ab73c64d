using System.Text;
using Berth.Generation.Kubernetes.Yaml;

namespace Berth.Generation.Kubernetes.Helm;

/// <summary>Writes <c>charts/&lt;repo-name&gt;/</c>: Chart.yaml, values.yaml (one block per service), values.schema.json, the templates and NOTES.txt.</summary>
public static class HelmChart
{
    public static string Folder(KubernetesPlan plan) => $"charts/{plan.RepositoryName}";

    public static IReadOnlyList<GeneratedFile> Files(KubernetesPlan plan)
    {
        var folder = Folder(plan);
        var files = new List<GeneratedFile>
        {
            new($"{folder}/Chart.yaml", ChartYaml(plan), "Helm chart metadata"),
            new($"{folder}/values.yaml", Values(plan), $"one block per service ({plan.Workloads.Count})"),
            new($"{folder}/values.schema.json", ValuesSchema.Write(), "JSON Schema helm checks values against"),
            new($"{folder}/.helmignore", ".git/\n*.swp\n*.tmp\n*.secret.env\n*.secret.example.env\n", "files helm package leaves out"),
        };
        files.AddRange(ChartTemplates.All(plan.RepositoryName).Select(t => new GeneratedFile($"{folder}/{t.File}", t.Text, "chart template")));
        return files;
    }

    private static string ChartYaml(KubernetesPlan plan) => YamlText.Document(new YamlMap()
        .Add("apiVersion", "v2")
        .Add("name", plan.RepositoryName)
        .Add("description", $"{string.Join(", ", plan.Workloads.Select(w => w.Name))}: written by berth init from the repository's code")
        .Add("type", "application")
        .Add("version", plan.Version)
        .Add("appVersion", new YamlScalar(YamlText.Quote(plan.Version), YamlScalarKind.Plain)));

    /// <summary>The camelCase key of a service's block (values keys have no hyphens, so --set services.notesApi.replicaCount=3 works).</summary>
    public static string ValuesKey(string name)
    {
        var key = new StringBuilder();
        var upper = false;
        foreach (var c in name)
        {
            if (c is '-' or '.' or '_')
            {
                upper = key.Length > 0;
                continue;
            }
            key.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (key.Length == 0 || !char.IsLetter(key[0]))
            key.Insert(0, 's');
        return key.ToString();
    }

    private static string Values(KubernetesPlan plan)
    {
        var services = new YamlMap();
        foreach (var w in plan.Workloads)
            services.Add(ValuesKey(w.Name), ServiceValues(w), $"{ValuesKey(w.Name)}: the {w.Name} service ({w.Profile.Path}), {w.Component}");
        var root = new YamlMap()
            .Add("nameOverride", "", "nameOverride replaces the chart's name in the part-of label.")
            .Add("services", services, "services holds one block per service of the repository; object names are the services' names.")
            .Add("gateway", new YamlMap()
                .Add("enabled", true, "enabled writes an HTTPRoute for every service whose httpRoute.enabled is true.")
                .Add("create", false, "create also writes the Gateway itself (clusters usually own theirs).")
                .Add("name", plan.Gateway.Name, "name is the Gateway the routes attach to (parentRef).")
                .Add("namespace", "", "namespace of that Gateway; empty means the release's namespace.")
                .Add("sectionName", plan.Gateway.SectionName, "sectionName is the Gateway listener the routes bind to.")
                .Add("className", plan.Gateway.ClassName, "className is the GatewayClass of a created Gateway (eg: Envoy Gateway's quick-start class).")
                .Add("port", plan.Gateway.Port, "port of the created Gateway's HTTP listener.")
                .Add("controllerNamespace", plan.Gateway.ControllerNamespace, "controllerNamespace runs the Gateway's proxies; NetworkPolicies admit traffic from it."),
                "gateway: Gateway API exposure.");
        return "# Written by berth init; every value's reason is in its plan output.\n" + YamlText.Document(root);
    }

    private static YamlMap ServiceValues(Workload w)
    {
        var env = new YamlMap();
        foreach (var entry in w.Config)
            env.Add(entry.Name, entry.Value);
        var secretEnv = new YamlSeq(w.Secrets.Select(s => (YamlNode)new YamlMap().Add("name", s.Name).Add("optional", !s.Required)));
        var values = new YamlMap()
            .Add("name", w.Name, "name of every object of this service and its Service's DNS name.")
            .Add("component", w.Component, "component is the app.kubernetes.io/component label.")
            .Add("image", new YamlMap()
                .Add("repository", w.Container.Image)
                .Add("tag", "", "tag defaults to the chart's appVersion; set a release tag.")
                .Add("pullPolicy", "IfNotPresent", "pullPolicy Never for an image loaded into minikube or kind."), "image to run.")
            .Add("replicaCount", w.MinReplicas, "replicaCount applies when autoscaling is disabled.")
            .Add("autoscaling", new YamlMap()
                .Add("enabled", true)
                .Add("minReplicas", w.MinReplicas)
                .Add("maxReplicas", w.MaxReplicas)
                .Add("targetCPUUtilizationPercentage", w.CpuTargetPercent), "autoscaling: a HorizontalPodAutoscaler owns the replica count.")
            .Add("service", new YamlMap().Add("port", w.Container.Port), "service.port is the app's own port (container and Service).")
            .Add("env", env, "env: the ConfigMap (non-secret variables, the code's defaults).")
            .Add("existingSecret", w.SecretName, "existingSecret holds the secret variables; create it with kubectl create secret generic.")
            .Add("secretEnv", secretEnv, "secretEnv: one key of existingSecret per secret variable (optional when the code has a fallback).")
            .Add("resources", PodParts.Resources(w), "resources from the server's process count.")
            .Add("startupProbe", PodParts.StartupProbe(w), "startupProbe gives a slow start time before liveness counts.")
            .Add("readinessProbe", PodParts.ReadinessProbe(w))
            .Add("livenessProbe", PodParts.LivenessProbe(w))
            .Add("podSecurityContext", PodParts.PodSecurityContext(w), "podSecurityContext: Pod Security Standards restricted, the image's user.")
            .Add("securityContext", PodParts.ContainerSecurityContext(w))
            .Add("terminationGracePeriodSeconds", w.GracePeriodSeconds, "terminationGracePeriodSeconds covers the preStop sleep and the server's graceful stop.")
            .Add("preStopSleepSeconds", w.PreStopSeconds)
            .Add("writablePaths", new YamlSeq(w.Volumes.Select(v => (YamlNode)new YamlMap().Add("name", v.Name).Add("mountPath", v.MountPath))), "writablePaths: emptyDir mounts on the read-only root filesystem.")
            .Add("topologySpread", false, "topologySpread spreads replicas across nodes and zones (turn on in production).")
            .Add("httpRoute", new YamlMap().Add("enabled", w.UserFacing).Add("pathPrefix", "/").Add("hostnames", new YamlSeq(w.Hostnames.Select(h => (YamlNode)h))), "httpRoute exposes the service through the Gateway.")
            .Add("networkPolicy", new YamlMap()
                .Add("enabled", true)
                .Add("fromGateway", w.UserFacing)
                .Add("fromServices", new YamlSeq(w.CalledBy.Select(c => (YamlNode)KubernetesPlanner.DnsLabel(c, "app")))), "networkPolicy admits the app port only from the Gateway and the services that call this one.");
        if (w.Migration is { } migration)
        {
            values.Add("migration", new YamlMap()
                .Add("enabled", true, "enabled runs the Job as a pre-install,pre-upgrade hook: helm rolls the service out only after it succeeds.")
                .Add("name", migration.Name, "name of the Job and its pods' app.kubernetes.io/name (no selector of the service matches it).")
                .Add("command", new YamlSeq(migration.Command.Select(c => (YamlNode)c)), $"command replaces the image's entrypoint ({migration.Reason}).")
                .Add("backoffLimit", MigrationJob.BackoffLimit)
                .Add("activeDeadlineSeconds", MigrationJob.ActiveDeadlineSeconds, "activeDeadlineSeconds fails a migration stuck on a lock instead of hanging the release.")
                .Add("ttlSecondsAfterFinished", MigrationJob.TtlSecondsAfterFinished, "ttlSecondsAfterFinished removes a finished (failed) Job; a succeeded one is deleted by the hook policy."),
                "migration: the database migration, run once per release as a Job of the same image.");
        }
        return values;
    }
}
