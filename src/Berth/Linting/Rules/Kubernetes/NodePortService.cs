using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8509: a NodePort Service opens a port on every node, outside the Ingress or Gateway and its TLS.</summary>
public sealed class NodePortService : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8509", "nodeport-service", Severity.Warning,
        "A Service of type NodePort", ["kube-score/service-type", "kube-linter/exposed-services"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var service in context.Set.OfKind("Service"))
        {
            if (service.Root["spec"]?["type"] is YamlScalar { Value: "NodePort" } type)
                findings.Add(Info, service, type, $"Service {service.Name} is a NodePort: a port on every node's address, outside the Ingress/Gateway, its TLS and its policies; use ClusterIP behind an Ingress or a Gateway", "type: ClusterIP");
        }
    }
}
