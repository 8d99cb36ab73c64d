namespace Berth.Generation.Kubernetes;

/// <summary>Which Kubernetes trees <c>berth init --k8s</c> writes.</summary>
[Flags]
public enum KubernetesTargets
{
    None = 0,

    /// <summary>k8s/base, k8s/overlays/{dev,prod}, k8s/gateway.</summary>
    Kustomize = 1,

    /// <summary>charts/&lt;repo-name&gt;.</summary>
    Helm = 2,

    All = Kustomize | Helm,
}
