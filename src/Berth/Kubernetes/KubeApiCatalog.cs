using Berth.Kubernetes.Schema;

namespace Berth.Kubernetes;

/// <summary>A removed or deprecated apiVersion for a kind: what to use instead and the Kubernetes release that stopped serving it (null: still served).</summary>
public sealed record RetiredApi(string ApiVersion, string Kind, string Replacement, string? RemovedIn);

/// <summary>
/// The built-in API groups and versions Berth knows (Kubernetes 1.33 and Gateway API v1.3) with their kinds, and the retired
/// apiVersions (from the Kubernetes deprecation guide): enough to tell a typo in a kind or version from a custom resource. The kinds
/// of each version are this list's and those of the generated schema (<see cref="KubeSchema"/>); the groups are this list's only,
/// so a pre-release version of a group Berth does not list (resource.k8s.io/v1beta2) is not called unknown.
/// </summary>
public static class KubeApiCatalog
{
    private static readonly Dictionary<string, string[]> Kinds = new(StringComparer.Ordinal)
    {
        ["v1"] = ["Pod", "Service", "ConfigMap", "Secret", "ServiceAccount", "Namespace", "PersistentVolumeClaim", "PersistentVolume", "Endpoints", "LimitRange",
            "ResourceQuota", "ReplicationController", "Event", "Node", "Binding", "PodTemplate", "ComponentStatus", "List", "ConfigMapList", "ServiceList", "PodList", "SecretList"],
        ["apps/v1"] = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision", "DeploymentList", "StatefulSetList", "DaemonSetList", "ReplicaSetList"],
        ["batch/v1"] = ["Job", "CronJob", "JobList", "CronJobList"],
        ["autoscaling/v1"] = ["HorizontalPodAutoscaler", "Scale"],
        ["autoscaling/v2"] = ["HorizontalPodAutoscaler"],
        ["policy/v1"] = ["PodDisruptionBudget", "Eviction"],
        ["networking.k8s.io/v1"] = ["Ingress", "IngressClass", "NetworkPolicy", "IPAddress", "ServiceCIDR"],
        ["rbac.authorization.k8s.io/v1"] = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
        ["storage.k8s.io/v1"] = ["StorageClass", "VolumeAttachment", "CSIDriver", "CSINode", "CSIStorageCapacity"],
        ["apiextensions.k8s.io/v1"] = ["CustomResourceDefinition"],
        ["admissionregistration.k8s.io/v1"] = ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
        ["scheduling.k8s.io/v1"] = ["PriorityClass"],
        ["coordination.k8s.io/v1"] = ["Lease"],
        ["node.k8s.io/v1"] = ["RuntimeClass"],
        ["discovery.k8s.io/v1"] = ["EndpointSlice"],
        ["events.k8s.io/v1"] = ["Event"],
        ["certificates.k8s.io/v1"] = ["CertificateSigningRequest"],
        ["flowcontrol.apiserver.k8s.io/v1"] = ["FlowSchema", "PriorityLevelConfiguration"],
        ["apiregistration.k8s.io/v1"] = ["APIService"],
        ["gateway.networking.k8s.io/v1"] = ["Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute"],
        ["gateway.networking.k8s.io/v1beta1"] = ["Gateway", "GatewayClass", "HTTPRoute", "ReferenceGrant"],
        ["gateway.networking.k8s.io/v1alpha2"] = ["TLSRoute", "TCPRoute", "UDPRoute", "GRPCRoute", "ReferenceGrant", "BackendTLSPolicy"],
        ["gateway.networking.k8s.io/v1alpha3"] = ["BackendTLSPolicy", "TLSRoute"],
    };

    private static readonly RetiredApi[] Retired =
    [
        .. new[] { "Deployment", "DaemonSet", "ReplicaSet" }.Select(k => new RetiredApi("extensions/v1beta1", k, "apps/v1", "1.16")),
        new("extensions/v1beta1", "Ingress", "networking.k8s.io/v1", "1.22"),
        new("extensions/v1beta1", "NetworkPolicy", "networking.k8s.io/v1", "1.16"),
        new("extensions/v1beta1", "PodSecurityPolicy", "Pod Security admission (namespace labels)", "1.25"),
        .. new[] { "apps/v1beta1", "apps/v1beta2" }.SelectMany(v => new[] { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision" }.Select(k => new RetiredApi(v, k, "apps/v1", "1.16"))),
        new("batch/v1beta1", "CronJob", "batch/v1", "1.25"),
        new("batch/v2alpha1", "CronJob", "batch/v1", "1.21"),
        new("policy/v1beta1", "PodDisruptionBudget", "policy/v1", "1.25"),
        new("policy/v1beta1", "PodSecurityPolicy", "Pod Security admission (namespace labels)", "1.25"),
        new("autoscaling/v2beta1", "HorizontalPodAutoscaler", "autoscaling/v2", "1.25"),
        new("autoscaling/v2beta2", "HorizontalPodAutoscaler", "autoscaling/v2", "1.26"),
        new("networking.k8s.io/v1beta1", "Ingress", "networking.k8s.io/v1", "1.22"),
        new("networking.k8s.io/v1beta1", "IngressClass", "networking.k8s.io/v1", "1.22"),
        .. new[] { "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" }.Select(k => new RetiredApi("rbac.authorization.k8s.io/v1beta1", k, "rbac.authorization.k8s.io/v1", "1.22")),
        new("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "apiextensions.k8s.io/v1", "1.22"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "admissionregistration.k8s.io/v1", "1.22"),
        new("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1", "1.22"),
        new("scheduling.k8s.io/v1beta1", "PriorityClass", "scheduling.k8s.io/v1", "1.22"),
        new("coordination.k8s.io/v1beta1", "Lease", "coordination.k8s.io/v1", "1.22"),
        new("storage.k8s.io/v1beta1", "CSIStorageCapacity", "storage.k8s.io/v1", "1.27"),
        new("storage.k8s.io/v1beta1", "StorageClass", "storage.k8s.io/v1", "1.22"),
        new("discovery.k8s.io/v1beta1", "EndpointSlice", "discovery.k8s.io/v1", "1.25"),
        new("events.k8s.io/v1beta1", "Event", "events.k8s.io/v1", "1.25"),
        new("node.k8s.io/v1beta1", "RuntimeClass", "node.k8s.io/v1", "1.25"),
        new("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "certificates.k8s.io/v1", "1.22"),
        .. new[] { "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2" }.SelectMany(v => new[] { "FlowSchema", "PriorityLevelConfiguration" }.Select(k => new RetiredApi(v, k, "flowcontrol.apiserver.k8s.io/v1", v.EndsWith("1", StringComparison.Ordinal) ? "1.26" : "1.29"))),
        .. new[] { "FlowSchema", "PriorityLevelConfiguration" }.Select(k => new RetiredApi("flowcontrol.apiserver.k8s.io/v1beta3", k, "flowcontrol.apiserver.k8s.io/v1", "1.32")),
        .. new[] { "Gateway", "GatewayClass", "HTTPRoute" }.Select(k => new RetiredApi("gateway.networking.k8s.io/v1beta1", k, "gateway.networking.k8s.io/v1", null)),
        new("gateway.networking.k8s.io/v1alpha2", "GRPCRoute", "gateway.networking.k8s.io/v1", null),
    ];

    private static readonly Dictionary<(string ApiVersion, string Kind), RetiredApi> RetiredByKind = Retired.ToDictionary(r => (r.ApiVersion, r.Kind));

    private static readonly HashSet<string> Groups = [.. Kinds.Keys.Concat(Retired.Select(r => r.ApiVersion)).Select(Group)];

    private static readonly HashSet<string> RetiredVersions = [.. Retired.Select(r => r.ApiVersion)];

    // This list's kinds and the generated schema's (retired ones left out), per apiVersion: built once, on first use.
    private static readonly Lazy<Dictionary<string, string[]>> AllKinds = new(() =>
        Kinds.Keys.Union(KubeSchema.ApiVersions, StringComparer.Ordinal).ToDictionary(v => v,
            v => (Kinds.TryGetValue(v, out var kinds) ? kinds : []).Union(KubeSchema.KindsOf(v).Where(k => RetiredFor(v, k) is null), StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal));

    public static RetiredApi? RetiredFor(string apiVersion, string kind) => RetiredByKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>Whether Berth knows the group of this apiVersion (a built-in group, or Gateway API's): only then can a kind or version be called unknown.</summary>
    public static bool KnowsGroup(string apiVersion) => Groups.Contains(Group(apiVersion));

    public static bool KnowsVersion(string apiVersion) => AllKinds.Value.ContainsKey(apiVersion) || RetiredVersions.Contains(apiVersion);

    public static IReadOnlyList<string> KindsOf(string apiVersion) => AllKinds.Value.TryGetValue(apiVersion, out var kinds) ? kinds : [];

    /// <summary>The versions of the group that serve <paramref name="kind"/> (retired ones left out), stable ones first, newest first.</summary>
    public static IEnumerable<string> VersionsServing(string group, string kind) =>
        AllKinds.Value.Where(v => Group(v.Key) == group && v.Value.Contains(kind)).Select(v => v.Key)
            .OrderBy(v => v.Contains("alpha", StringComparison.Ordinal) || v.Contains("beta", StringComparison.Ordinal)).ThenByDescending(v => v, StringComparer.Ordinal);

    public static string Group(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
}
