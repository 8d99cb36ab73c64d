namespace Berth.Generation.Kubernetes;

/// <summary>Where HTTPRoutes attach: a Gateway by name and listener, and the namespace its proxies run in (for NetworkPolicies).</summary>
public sealed record GatewaySettings(string Name, string SectionName, string ClassName, int Port, string ControllerNamespace);

/// <summary>Everything the Kubernetes writers render for one repository: its services, how they link, the Gateway, and why.</summary>
public sealed record KubernetesPlan
{
    /// <summary>The repository's name (the scan root's folder, as a DNS label): the chart's name, app.kubernetes.io/part-of and /instance.</summary>
    public required string RepositoryName { get; init; }

    /// <summary>app.kubernetes.io/version and the chart's appVersion.</summary>
    public required string Version { get; init; }

    public required GatewaySettings Gateway { get; init; }
    public required IReadOnlyList<Workload> Workloads { get; init; }
    public required IReadOnlyList<ServiceLink> Links { get; init; }

    /// <summary>Repository-wide decisions with their reasons.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }

    public const string DevTag = "dev";
    public const string ProdTagPlaceholder = "SET-RELEASE-TAG";
    public const string ManagedByKustomize = "kustomize";
}
