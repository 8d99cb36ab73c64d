using Berth.Apps;

namespace Berth.Generation.Kubernetes;

/// <summary>A non-secret variable the ConfigMap carries, and why it has that value.</summary>
public sealed record ConfigEntry(string Name, string Value, string Reason);

/// <summary>A secret variable: a key of the service's Secret, read with <c>secretKeyRef</c> (optional when the code has a fallback).</summary>
public sealed record SecretKey(string Name, bool Required, string Source);

/// <summary>CPU in millicores and memory in MiB, requested and limited.</summary>
public sealed record ResourceBudget(int CpuRequestMilli, int CpuLimitMilli, int MemoryRequestMiB, int MemoryLimitMiB);

/// <summary>An emptyDir mounted where the process writes (the root filesystem is read-only).</summary>
public sealed record PodVolume(string Name, string MountPath, string Reason);

/// <summary>
/// One service as Kubernetes runs it, decided once from the profile's shared part and the image's <see cref="ContainerContract"/>:
/// the Kustomize base and the Helm chart both render it, so they cannot disagree.
/// </summary>
public sealed record Workload
{
    public required string Name { get; init; }
    public required ServiceProfile Profile { get; init; }
    public required ContainerContract Container { get; init; }

    /// <summary>app.kubernetes.io/component: frontend (calls another service), backend (called by one), else api.</summary>
    public required string Component { get; init; }

    /// <summary>Reached by users through the Gateway (an HTTPRoute); internal services are reached only by the services that call them.</summary>
    public required bool UserFacing { get; init; }

    /// <summary>
    /// The HTTPRoute's hostnames: none when one service is exposed (every host reaches it); one placeholder host per service when
    /// several are, since routes that all match PathPrefix / on one listener would otherwise conflict.
    /// </summary>
    public IReadOnlyList<string> Hostnames { get; init; } = [];

    /// <summary>Services that call this one (their pods may open its port).</summary>
    public required IReadOnlyList<string> CalledBy { get; init; }

    public required IReadOnlyList<ConfigEntry> Config { get; init; }
    public required IReadOnlyList<SecretKey> Secrets { get; init; }
    public required ResourceBudget Resources { get; init; }
    public required IReadOnlyList<PodVolume> Volumes { get; init; }
    public required int GracePeriodSeconds { get; init; }
    public required int PreStopSeconds { get; init; }
    public required int MinReplicas { get; init; }
    public required int MaxReplicas { get; init; }
    public required int CpuTargetPercent { get; init; }

    /// <summary>The Job that runs the service's database migration before a release starts, or null when the app has none.</summary>
    public MigrationJob? Migration { get; init; }

    /// <summary>Each value with its reason, as <c>berth init</c> prints them.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }

    public string ConfigMapName => Name + "-config";
    public string SecretName => Name + "-secrets";
}
