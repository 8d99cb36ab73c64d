using Berth.Generation.Kubernetes.Gateway;
using Berth.Generation.Kubernetes.Yaml;

namespace Berth.Generation.Kubernetes.Kustomize;

/// <summary>The objects of one service in the Kustomize base, each a YAML document of its own file.</summary>
public static class BaseObjects
{
    public sealed record ObjectFile(string FileName, string Kind, YamlMap Object, string? Name = null);

    public static IReadOnlyList<ObjectFile> For(Workload w, KubernetesPlan plan)
    {
        var files = new List<ObjectFile>
        {
            new("deployment.yaml", "Deployment", Deployment(w, plan)),
            new("service.yaml", "Service", Service(w, plan)),
            new("configmap.yaml", "ConfigMap", ConfigMap(w, plan)),
            new("serviceaccount.yaml", "ServiceAccount", ServiceAccount(w, plan)),
            new("hpa.yaml", "HorizontalPodAutoscaler", Autoscaler(w, plan)),
        };
        if (w.MinReplicas >= 2)
            files.Add(new("pdb.yaml", "PodDisruptionBudget", DisruptionBudget(w, plan)));
        files.Add(new("networkpolicy.yaml", "NetworkPolicy", NetworkPolicy(w, plan)));
        if (w.Migration is { } migration)
            files.Add(new("migration-job.yaml", "Job", Migration(w, migration, plan), migration.Name));
        if (w.UserFacing)
            files.Add(new("httproute.yaml", "HTTPRoute", GatewayObjects.Route(w, plan, PodParts.Labels(w, plan, KubernetesPlan.ManagedByKustomize), w.Hostnames)));
        return files;
    }

    private static YamlMap Metadata(Workload w, KubernetesPlan plan, string name) => new YamlMap()
        .Add("name", name)
        .Add("labels", PodParts.Labels(w, plan, KubernetesPlan.ManagedByKustomize));

    private static YamlMap Header(string apiVersion, string kind, YamlMap metadata) => new YamlMap()
        .Add("apiVersion", apiVersion)
        .Add("kind", kind)
        .Add("metadata", metadata);

    public static YamlMap Deployment(Workload w, KubernetesPlan plan)
    {
        var container = new YamlMap()
            .Add("name", w.Name)
            .Add("image", $"{w.Container.Image}:{plan.Version}")
            .Add("imagePullPolicy", "IfNotPresent")
            .Add("ports", new YamlSeq(new YamlMap().Add("name", PodParts.PortName).Add("containerPort", w.Container.Port).Add("protocol", "TCP")))
            .Add("envFrom", new YamlSeq(new YamlMap().Add("configMapRef", new YamlMap().Add("name", w.ConfigMapName))));
        if (w.Secrets.Count > 0)
            container.Add("env", PodParts.SecretEnv(w));
        container
            .Add("resources", PodParts.Resources(w))
            .Add("startupProbe", PodParts.StartupProbe(w))
            .Add("readinessProbe", PodParts.ReadinessProbe(w))
            .Add("livenessProbe", PodParts.LivenessProbe(w))
            .Add("lifecycle", PodParts.Lifecycle(w))
            .Add("securityContext", PodParts.ContainerSecurityContext(w))
            .Add("volumeMounts", PodParts.VolumeMounts(w));
        var pod = new YamlMap()
            .Add("serviceAccountName", w.Name)
            .Add("automountServiceAccountToken", false)
            .Add("securityContext", PodParts.PodSecurityContext(w))
            .Add("terminationGracePeriodSeconds", w.GracePeriodSeconds)
            .Add("containers", new YamlSeq(container))
            .Add("volumes", PodParts.Volumes(w));
        return Header("apps/v1", "Deployment", Metadata(w, plan, w.Name))
            .Add("spec", new YamlMap()
                .Add("selector", new YamlMap().Add("matchLabels", PodParts.SelectorLabels(w, plan.RepositoryName)))
                .Add("strategy", new YamlMap().Add("type", "RollingUpdate").Add("rollingUpdate", new YamlMap().Add("maxUnavailable", 0).Add("maxSurge", 1)))
                .Add("template", new YamlMap()
                    .Add("metadata", new YamlMap().Add("labels", PodParts.Labels(w, plan, KubernetesPlan.ManagedByKustomize)))
                    .Add("spec", pod)));
    }

    /// <summary>
    /// The migration as a one-shot Job: the Deployment's image, env and pod hardening, the migration's argv as the command. It runs as
    /// the namespace's default ServiceAccount with no token (it needs no API access), as the chart's pre-install hook must: that runs
    /// before the chart's ServiceAccount exists.
    /// </summary>
    public static YamlMap Migration(Workload w, MigrationJob migration, KubernetesPlan plan)
    {
        var container = new YamlMap()
            .Add("name", MigrationJob.ContainerName)
            .Add("image", $"{w.Container.Image}:{plan.Version}")
            .Add("imagePullPolicy", "IfNotPresent")
            .Add("command", new YamlSeq(migration.Command.Select(c => (YamlNode)c)), $"in place of the image's entrypoint: {migration.Reason}")
            .Add("envFrom", new YamlSeq(new YamlMap().Add("configMapRef", new YamlMap().Add("name", w.ConfigMapName))));
        if (w.Secrets.Count > 0)
            container.Add("env", PodParts.SecretEnv(w));
        container
            .Add("resources", PodParts.Resources(w))
            .Add("securityContext", PodParts.ContainerSecurityContext(w))
            .Add("volumeMounts", PodParts.VolumeMounts(w));
        var pod = new YamlMap()
            .Add("restartPolicy", "Never")
            .Add("automountServiceAccountToken", false)
            .Add("securityContext", PodParts.PodSecurityContext(w))
            .Add("containers", new YamlSeq(container))
            .Add("volumes", PodParts.Volumes(w));
        var labels = PodParts.MigrationLabels(migration, plan, KubernetesPlan.ManagedByKustomize);
        return Header("batch/v1", "Job", new YamlMap().Add("name", migration.Name).Add("labels", labels))
            .Add("spec", new YamlMap()
                .Add("backoffLimit", MigrationJob.BackoffLimit)
                .Add("activeDeadlineSeconds", MigrationJob.ActiveDeadlineSeconds)
                .Add("ttlSecondsAfterFinished", MigrationJob.TtlSecondsAfterFinished, "a Job is immutable: once this one is gone, the next release's apply creates it anew")
                .Add("template", new YamlMap()
                    .Add("metadata", new YamlMap().Add("labels", PodParts.MigrationLabels(migration, plan, KubernetesPlan.ManagedByKustomize)))
                    .Add("spec", pod)));
    }

    public static YamlMap Service(Workload w, KubernetesPlan plan) =>
        Header("v1", "Service", Metadata(w, plan, w.Name))
            .Add("spec", new YamlMap()
                .Add("type", "ClusterIP")
                .Add("selector", PodParts.SelectorLabels(w, plan.RepositoryName))
                .Add("ports", new YamlSeq(new YamlMap().Add("name", PodParts.PortName).Add("port", w.Container.Port).Add("targetPort", PodParts.PortName).Add("protocol", "TCP"))));

    public static YamlMap ConfigMap(Workload w, KubernetesPlan plan)
    {
        var data = new YamlMap();
        foreach (var entry in w.Config)
            data.Add(entry.Name, entry.Value, entry.Reason);
        return Header("v1", "ConfigMap", Metadata(w, plan, w.ConfigMapName)).Add("data", data);
    }

    public static YamlMap ServiceAccount(Workload w, KubernetesPlan plan) =>
        Header("v1", "ServiceAccount", Metadata(w, plan, w.Name)).Add("automountServiceAccountToken", false);

    public static YamlMap Autoscaler(Workload w, KubernetesPlan plan) =>
        Header("autoscaling/v2", "HorizontalPodAutoscaler", Metadata(w, plan, w.Name))
            .Add("spec", new YamlMap()
                .Add("scaleTargetRef", new YamlMap().Add("apiVersion", "apps/v1").Add("kind", "Deployment").Add("name", w.Name))
                .Add("minReplicas", w.MinReplicas)
                .Add("maxReplicas", w.MaxReplicas)
                .Add("metrics", new YamlSeq(new YamlMap()
                    .Add("type", "Resource")
                    .Add("resource", new YamlMap()
                        .Add("name", "cpu")
                        .Add("target", new YamlMap().Add("type", "Utilization").Add("averageUtilization", w.CpuTargetPercent))))));

    public static YamlMap DisruptionBudget(Workload w, KubernetesPlan plan) =>
        Header("policy/v1", "PodDisruptionBudget", Metadata(w, plan, w.Name))
            .Add("spec", new YamlMap()
                .Add("minAvailable", 1)
                .Add("selector", new YamlMap().Add("matchLabels", PodParts.SelectorLabels(w, plan.RepositoryName))));

    public static YamlMap NetworkPolicy(Workload w, KubernetesPlan plan)
    {
        var from = new List<YamlNode>();
        if (w.UserFacing)
            from.Add(new YamlMap().Add("namespaceSelector", new YamlMap().Add("matchLabels", new YamlMap().Add("kubernetes.io/metadata.name", plan.Gateway.ControllerNamespace))));
        foreach (var caller in w.CalledBy)
        {
            var callerWorkload = plan.Workloads.FirstOrDefault(x => x.Profile.Name == caller);
            from.Add(new YamlMap().Add("podSelector", new YamlMap().Add("matchLabels", new YamlMap()
                .Add("app.kubernetes.io/name", callerWorkload?.Name ?? KubernetesPlanner.DnsLabel(caller, "app"))
                .Add("app.kubernetes.io/instance", plan.RepositoryName))));
        }
        return Header("networking.k8s.io/v1", "NetworkPolicy", Metadata(w, plan, w.Name))
            .Add("spec", new YamlMap()
                .Add("podSelector", new YamlMap().Add("matchLabels", PodParts.SelectorLabels(w, plan.RepositoryName)))
                .Add("policyTypes", new YamlSeq("Ingress"))
                .Add("ingress", new YamlSeq(new YamlMap()
                    .Add("from", new YamlSeq(from))
                    .Add("ports", new YamlSeq(new YamlMap().Add("port", w.Container.Port).Add("protocol", "TCP"))))));
    }
}
