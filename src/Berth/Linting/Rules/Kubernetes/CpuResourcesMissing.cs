using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8201: a container without a CPU request or limit.</summary>
public sealed class CpuResourcesMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8201", "cpu-resources-missing", Severity.Warning,
        "A container sets no CPU request or no CPU limit", ["kube-score/container-resources", "kube-linter/unset-cpu-requirements", "polaris/cpuRequestsMissing", "polaris/cpuLimitsMissing"]);

    protected override string Resource => "cpu";

    protected override string Consequence => "the scheduler places it blind and one busy pod can starve its neighbours";
}
