namespace Berth.Kubernetes;

/// <summary>One container of a pod spec (an init or ephemeral container when <see cref="Kind"/> says so).</summary>
public sealed record ContainerSpec(YamlMap Node, string Kind)
{
    public string Name => Node["name"]?.Text ?? "";

    public bool IsMain => Kind == "containers";

    public YamlValue? SecurityContext => Node["securityContext"];

    public IEnumerable<(YamlMap Port, long? Number, string? Name)> Ports =>
        Node["ports"]?.Items.OfType<YamlMap>().Select(p => (p, (p["containerPort"] as YamlScalar)?.Integer, p["name"]?.Text)) ?? [];

    public string Display => $"{(IsMain ? "container" : Kind.TrimEnd('s'))} '{Name}'";
}

/// <summary>
/// The pod a workload runs: a Pod's spec, the template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController
/// or Job, a CronJob's job template. Its labels (what selectors match) and its containers, init and ephemeral ones included.
/// </summary>
public sealed record PodTemplate(KubeObject Owner, YamlMap Spec, YamlValue? Metadata)
{
    public static readonly string[] TemplateKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"];

    public static PodTemplate? Of(KubeObject owner)
    {
        var template = owner.Kind switch
        {
            "Pod" => owner.Root,
            "CronJob" => owner.Root["spec"]?["jobTemplate"]?["spec"]?["template"],
            _ when TemplateKinds.Contains(owner.Kind) => owner.Root["spec"]?["template"],
            _ => null,
        };
        return template?["spec"] is YamlMap spec ? new PodTemplate(owner, spec, template["metadata"]) : null;
    }

    public IReadOnlyDictionary<string, string> Labels => KubeObject.Strings(Metadata?["labels"]);

    public IReadOnlyDictionary<string, string> Annotations => KubeObject.Strings(Metadata?["annotations"]);

    /// <summary>Every container: containers, then initContainers, then ephemeralContainers.</summary>
    public IEnumerable<ContainerSpec> AllContainers =>
        new[] { "containers", "initContainers", "ephemeralContainers" }.SelectMany(kind => Spec[kind]?.Items.OfType<YamlMap>().Select(c => new ContainerSpec(c, kind)) ?? []);

    public IEnumerable<ContainerSpec> Containers => AllContainers.Where(c => c.IsMain);

    /// <summary>Jobs and CronJobs run to completion: no Service traffic, no probes, no replicas.</summary>
    public bool RunsToCompletion => Owner.Kind is "Job" or "CronJob" || (Owner.Kind == "Pod" && Spec["restartPolicy"]?.Text is "Never" or "OnFailure");

    public YamlValue? PodSecurityContext => Spec["securityContext"];

    /// <summary>A container-level security setting, else the pod-level one (the kubelet's precedence).</summary>
    public YamlValue? Effective(ContainerSpec container, string field) => container.SecurityContext?[field] ?? PodSecurityContext?[field];
}
