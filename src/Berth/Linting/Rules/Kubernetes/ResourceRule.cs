using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>A rule that wants a container's request and limit of one resource set.</summary>
public abstract class ResourceRule : ContainerRule
{
    protected abstract string Resource { get; }

    protected abstract string Consequence { get; }

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var resources = container.Node["resources"];
        var missing = new[] { "requests", "limits" }.Where(kind => resources?[kind]?[Resource] is null).ToList();
        if (missing.Count > 0)
            Add(findings, pod, container.Node.KeyOf("resources") as YamlValue ?? Anchor(container),
                $"{container.Display} of {pod.Owner.Display} sets no {Resource} {string.Join(" or ", missing.Select(m => m.TrimEnd('s')))}: {Consequence}");
    }
}

/// <summary>BK8201: a container without a CPU request or limit.</summary>
public sealed class CpuResourcesMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8201", "cpu-resources-missing", Severity.Warning,
        "A container sets no CPU request or no CPU limit", ["kube-score/container-resources", "kube-linter/unset-cpu-requirements", "polaris/cpuRequestsMissing", "polaris/cpuLimitsMissing"]);

    protected override string Resource => "cpu";

    protected override string Consequence => "the scheduler places it blind and one busy pod can starve its neighbours";
}

/// <summary>BK8202: a container without a memory request or limit.</summary>
public sealed class MemoryResourcesMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8202", "memory-resources-missing", Severity.Warning,
        "A container sets no memory request or no memory limit", ["kube-score/container-resources", "kube-linter/unset-memory-requirements", "polaris/memoryRequestsMissing", "polaris/memoryLimitsMissing"]);

    protected override string Resource => "memory";

    protected override string Consequence => "a leak takes the node's memory and the pod is the first evicted under pressure";
}

/// <summary>BK8203: a container without an ephemeral-storage request or limit.</summary>
public sealed class EphemeralStorageMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8203", "ephemeral-storage-missing", Severity.Info,
        "A container sets no ephemeral-storage request or limit", ["kube-score/container-ephemeral-storage-request-and-limit"]);

    protected override string Resource => "ephemeral-storage";

    protected override string Consequence => "logs and temporary files can fill the node's disk, and the kubelet evicts pods at random";
}
