using Berth.Generation.Kubernetes.Yaml;

namespace Berth.Generation.Kubernetes;

/// <summary>
/// The parts of a pod that both the Kustomize base and the Helm chart's values carry, built once per <see cref="Workload"/>:
/// probes, security contexts, resources, volumes and labels.
/// </summary>
public static class PodParts
{
    public const string PortName = "http";

    public static YamlMap SelectorLabels(Workload workload, string instance) => new YamlMap()
        .Add("app.kubernetes.io/name", workload.Name)
        .Add("app.kubernetes.io/instance", instance);

    public static YamlMap Labels(Workload workload, KubernetesPlan plan, string managedBy) => new YamlMap()
        .Add("app.kubernetes.io/name", workload.Name)
        .Add("app.kubernetes.io/instance", plan.RepositoryName)
        .Add("app.kubernetes.io/version", plan.Version)
        .Add("app.kubernetes.io/component", workload.Component)
        .Add("app.kubernetes.io/part-of", plan.RepositoryName)
        .Add("app.kubernetes.io/managed-by", managedBy);

    /// <summary>
    /// The labels of a service's migration Job and its pods: its own name and component <see cref="MigrationJob.Component"/>, so none of
    /// the service's selectors (name + instance) picks the Job's pod.
    /// </summary>
    public static YamlMap MigrationLabels(MigrationJob job, KubernetesPlan plan, string managedBy) => new YamlMap()
        .Add("app.kubernetes.io/name", job.Name)
        .Add("app.kubernetes.io/instance", plan.RepositoryName)
        .Add("app.kubernetes.io/version", plan.Version)
        .Add("app.kubernetes.io/component", MigrationJob.Component)
        .Add("app.kubernetes.io/part-of", plan.RepositoryName)
        .Add("app.kubernetes.io/managed-by", managedBy);

    public static YamlMap PodSecurityContext(Workload workload) => new YamlMap()
        .Add("runAsNonRoot", true)
        .Add("runAsUser", workload.Container.Uid)
        .Add("runAsGroup", workload.Container.Gid)
        .Add("fsGroup", workload.Container.Gid)
        .Add("seccompProfile", new YamlMap().Add("type", "RuntimeDefault"));

    public static YamlMap ContainerSecurityContext(Workload workload)
    {
        var capabilities = new YamlMap().Add("drop", new YamlSeq("ALL"));
        if (workload.Container.Port < 1024)
            capabilities.Add("add", new YamlSeq("NET_BIND_SERVICE")); // the only capability restricted allows
        return new YamlMap()
            .Add("allowPrivilegeEscalation", false)
            .Add("privileged", false)
            .Add("readOnlyRootFilesystem", true)
            .Add("runAsNonRoot", true)
            .Add("capabilities", capabilities);
    }

    public static YamlMap Resources(Workload workload) => new YamlMap()
        .Add("requests", new YamlMap().Add("cpu", $"{workload.Resources.CpuRequestMilli}m").Add("memory", $"{workload.Resources.MemoryRequestMiB}Mi"))
        .Add("limits", new YamlMap().Add("cpu", $"{workload.Resources.CpuLimitMilli}m").Add("memory", $"{workload.Resources.MemoryLimitMiB}Mi"));

    public static YamlMap StartupProbe(Workload workload) =>
        Probe(workload.Container.Liveness?.Path ?? workload.Container.Readiness?.Path, periodSeconds: 2, failureThreshold: 30, timeoutSeconds: 2);

    public static YamlMap ReadinessProbe(Workload workload) =>
        Probe(workload.Container.Readiness?.Path ?? workload.Container.Liveness?.Path, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 2);

    public static YamlMap LivenessProbe(Workload workload) =>
        Probe(workload.Container.Liveness?.Path ?? workload.Container.Readiness?.Path, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2);

    private static YamlMap Probe(string? path, int periodSeconds, int failureThreshold, int timeoutSeconds)
    {
        var probe = new YamlMap();
        if (path is null)
            probe.Add("tcpSocket", new YamlMap().Add("port", PortName));
        else
            probe.Add("httpGet", new YamlMap().Add("path", path).Add("port", PortName));
        return probe
            .Add("periodSeconds", periodSeconds)
            .Add("timeoutSeconds", timeoutSeconds)
            .Add("failureThreshold", failureThreshold);
    }

    public static YamlMap Lifecycle(Workload workload) => new YamlMap()
        .Add("preStop", new YamlMap().Add("sleep", new YamlMap().Add("seconds", workload.PreStopSeconds)));

    public static YamlSeq VolumeMounts(Workload workload) =>
        new(workload.Volumes.Select(v => (YamlNode)new YamlMap().Add("name", v.Name).Add("mountPath", v.MountPath)));

    public static YamlSeq Volumes(Workload workload) =>
        new(workload.Volumes.Select(v => (YamlNode)new YamlMap().Add("name", v.Name).Add("emptyDir", new YamlMap())));

    public static YamlSeq SecretEnv(Workload workload)
    {
        return new YamlSeq(workload.Secrets.Select(s =>
        {
            var reference = new YamlMap().Add("name", workload.SecretName).Add("key", s.Name);
            if (!s.Required)
                reference.Add("optional", true);
            return (YamlNode)new YamlMap().Add("name", s.Name).Add("valueFrom", new YamlMap().Add("secretKeyRef", reference));
        }));
    }

    public static YamlSeq TopologySpread(Workload workload, string instance) => new(
        new YamlMap()
            .Add("maxSkew", 1)
            .Add("topologyKey", "kubernetes.io/hostname")
            .Add("whenUnsatisfiable", "ScheduleAnyway")
            .Add("labelSelector", new YamlMap().Add("matchLabels", SelectorLabels(workload, instance))),
        new YamlMap()
            .Add("maxSkew", 1)
            .Add("topologyKey", "topology.kubernetes.io/zone")
            .Add("whenUnsatisfiable", "ScheduleAnyway")
            .Add("labelSelector", new YamlMap().Add("matchLabels", SelectorLabels(workload, instance))));
}
