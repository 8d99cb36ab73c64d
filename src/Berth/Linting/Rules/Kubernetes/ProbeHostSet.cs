using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8317: a probe or lifecycle hook sets <c>host</c>: the kubelet connects to another address (a way to reach node-local services).</summary>
public sealed class ProbeHostSet : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8317", "probe-host-set", Severity.Warning,
        "A probe or lifecycle hook's httpGet/tcpSocket sets host", ["pss/hostProbesAndHostLifecycle"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var handlers = new[] { "livenessProbe", "readinessProbe", "startupProbe" }.Select(p => (Where: p, Node: container.Node[p]))
            .Concat(new[] { "postStart", "preStop" }.Select(h => (Where: h, Node: container.Node["lifecycle"]?[h])));
        foreach (var (where, handler) in handlers)
        {
            foreach (var kind in new[] { "httpGet", "tcpSocket" })
            {
                if (handler?[kind]?["host"] is YamlScalar { IsNull: false } host && host.Value.Length > 0)
                    Add(findings, pod, host, $"{where} of {container.Display} connects to host {host.Value}, not the pod: it checks something else and the kubelet can be pointed at node-local services (Pod Security baseline, 1.34+)");
            }
        }
    }
}
