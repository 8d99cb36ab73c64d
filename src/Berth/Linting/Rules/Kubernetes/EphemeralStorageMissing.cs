using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8203: a container without an ephemeral-storage request or limit.</summary>
public sealed class EphemeralStorageMissing : ResourceRule
{
    public override RuleInfo Info { get; } = new("BK8203", "ephemeral-storage-missing", Severity.Info,
        "A container sets no ephemeral-storage request or limit", ["kube-score/container-ephemeral-storage-request-and-limit"]);

    protected override string Resource => "ephemeral-storage";

    protected override string Consequence => "logs and temporary files can fill the node's disk, and the kubelet evicts pods at random";
}
