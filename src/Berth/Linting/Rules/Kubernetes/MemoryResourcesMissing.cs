using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8202: a container without a memory request or limit.</summary>
public sealed class MemoryResourcesMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8202", "memory-resources-missing", Severity.Warning,
        "A container sets no memory request or no memory limit", ["kube-score/container-resources", "kube-linter/unset-memory-requirements", "polaris/memoryRequestsMissing", "polaris/memoryLimitsMissing"]);

    protected override string Resource => "memory";

    protected override string Consequence => "a leak takes the node's memory and the pod is the first evicted under pressure";
}
