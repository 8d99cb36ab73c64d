using System.Globalization;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8702: the app's container declares ports, or probes numeric ports, that are not the port the app listens on. Only a port the
/// repository states counts (<see cref="Berth.Apps.StatedPort"/>): against a default another port is no finding. A port below 1024
/// moved up by 8000 (<see cref="Generation.UnprivilegedPort"/>) is the app's port too: that is where its non-root server binds.
/// </summary>
public sealed class ContainerPortDiffersFromApp : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8702", "container-port-differs-from-app", Severity.Error,
        "The app's container declares or probes a port the app does not listen on (from the app's code and config)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.App is not { } app || Berth.Apps.StatedPort.Of(app) is not { } stated)
            return;
        var port = stated.Port.ToString(CultureInfo.InvariantCulture);
        var moved = Generation.UnprivilegedPort.For(stated.Port);
        var where = stated.Where;
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            var ports = container.Ports.ToList();
            if (ports.Count > 0 && ports.All(p => p.Number != app.Port && p.Number != moved) && ports[0].Port["containerPort"] is { } first)
                findings.Add(Info, pod.Owner, first, $"{container.Display} declares port {string.Join(", ", ports.Select(p => p.Number))}, but {app.Name} listens on {port}{where}", $"containerPort: {port}");
            foreach (var kind in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            {
                var probe = container.Node[kind];
                if ((probe?["httpGet"]?["port"] ?? probe?["tcpSocket"]?["port"]) is YamlScalar { Integer: { } number } probePort && number != app.Port && number != moved)
                    findings.Add(Info, pod.Owner, probePort, $"{kind} of {container.Display} probes port {number}, but {app.Name} listens on {port}{where}", $"port: {port}");
            }
        }
    }
}
