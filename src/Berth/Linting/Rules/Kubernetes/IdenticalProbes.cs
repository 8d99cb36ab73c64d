using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8103: readiness and liveness probes check the same thing the same way, so a slow moment restarts the pod instead of draining it.</summary>
public sealed class IdenticalProbes : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8103", "identical-probes", Severity.Warning,
        "The readinessProbe and livenessProbe of a container are the same check", ["kube-score/pod-probes-identical"]);

    protected override bool MainContainersOnly => true;

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (container.Node["readinessProbe"] is not { } readiness || container.Node["livenessProbe"] is not { } liveness)
            return;
        var handler = Handler(readiness);
        if (handler is not null && handler == Handler(liveness) && Timing(readiness) == Timing(liveness))
            Add(findings, pod, container.Node.KeyOf("livenessProbe")!, $"{container.Display}: the livenessProbe is the readinessProbe ({handler}); a slow moment restarts the container instead of taking it out of the Service");
    }

    private static string? Handler(YamlValue probe) =>
        probe["httpGet"] is { } http ? $"GET {http["path"]?.Text ?? "/"} on port {http["port"]?.Text}"
        : probe["tcpSocket"] is { } tcp ? $"TCP port {tcp["port"]?.Text}"
        : probe["grpc"] is { } grpc ? $"gRPC port {grpc["port"]?.Text}"
        : probe["exec"]?["command"] is { } command ? "exec " + string.Join(' ', command.Items.Select(i => i.Text))
        : null;

    private static string Timing(YamlValue probe) =>
        string.Join(',', new[] { "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold" }.Select(f => probe[f]?.Text ?? ""));
}
