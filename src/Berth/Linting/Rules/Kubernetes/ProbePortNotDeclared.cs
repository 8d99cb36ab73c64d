using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8104: a probe names a port (by name) that the container does not declare: the kubelet cannot resolve it and the probe always fails.</summary>
public sealed class ProbePortNotDeclared : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8104", "probe-port-not-declared", Severity.Error,
        "A probe uses a named port the container does not declare", ["kube-linter/liveness-port", "kube-linter/readiness-port", "kube-linter/startup-port"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var names = container.Ports.Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var kind in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            var probe = container.Node[kind];
            var port = probe?["httpGet"]?["port"] ?? probe?["tcpSocket"]?["port"] ?? probe?["grpc"]?["port"];
            if (port is YamlScalar { IsNull: false } scalar && scalar.Integer is null && !names.Contains(scalar.Value))
                Add(findings, pod, scalar, $"{kind} of {container.Display} uses port '{scalar.Value}', which the container does not declare"
                    + (names.Count > 0 ? $" (its ports: {string.Join(", ", names.Order(StringComparer.Ordinal))})" : ""));
        }
    }
}
