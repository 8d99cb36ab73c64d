using Berth.Generation.Kubernetes.Yaml;

namespace Berth.Generation.Kubernetes.Gateway;

/// <summary>Gateway API objects: an HTTPRoute per user-facing service and the optional Gateway they attach to.</summary>
public static class GatewayObjects
{
    public const string ApiVersion = "gateway.networking.k8s.io/v1";

    public static YamlMap Route(Workload w, KubernetesPlan plan, YamlMap labels, IReadOnlyList<string> hostnames)
    {
        var spec = new YamlMap()
            .Add("parentRefs", new YamlSeq(new YamlMap().Add("name", plan.Gateway.Name).Add("sectionName", plan.Gateway.SectionName)));
        if (hostnames.Count > 0)
            spec.Add("hostnames", new YamlSeq(hostnames.Select(h => (YamlNode)h)));
        spec.Add("rules", new YamlSeq(new YamlMap()
            .Add("matches", new YamlSeq(new YamlMap().Add("path", new YamlMap().Add("type", "PathPrefix").Add("value", "/"))))
            .Add("backendRefs", new YamlSeq(new YamlMap().Add("name", w.Name).Add("port", w.Container.Port)))));
        return new YamlMap()
            .Add("apiVersion", ApiVersion)
            .Add("kind", "HTTPRoute")
            .Add("metadata", new YamlMap().Add("name", w.Name).Add("labels", labels))
            .Add("spec", spec);
    }

    public static YamlMap Gateway(KubernetesPlan plan) => new YamlMap()
        .Add("apiVersion", ApiVersion)
        .Add("kind", "Gateway")
        .Add("metadata", new YamlMap()
            .Add("name", plan.Gateway.Name)
            .Add("labels", new YamlMap()
                .Add("app.kubernetes.io/name", plan.Gateway.Name)
                .Add("app.kubernetes.io/instance", plan.RepositoryName)
                .Add("app.kubernetes.io/part-of", plan.RepositoryName)
                .Add("app.kubernetes.io/managed-by", KubernetesPlan.ManagedByKustomize)))
        .Add("spec", new YamlMap()
            .Add("gatewayClassName", plan.Gateway.ClassName)
            .Add("listeners", new YamlSeq(new YamlMap()
                .Add("name", plan.Gateway.SectionName)
                .Add("protocol", "HTTP")
                .Add("port", plan.Gateway.Port)
                .Add("allowedRoutes", new YamlMap().Add("namespaces", new YamlMap().Add("from", "Same"))))));
}
