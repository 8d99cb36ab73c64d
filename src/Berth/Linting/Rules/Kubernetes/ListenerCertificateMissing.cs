using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8908: an HTTPS listener, or a TLS listener that terminates TLS (mode Terminate, the default), without a certificate: no tls
/// block, or no tls.certificateRefs (nor options for an implementation's own source). The Gateway API refuses the Gateway.
/// </summary>
public sealed class ListenerCertificateMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8908", "listener-certificate-missing", Severity.Error,
        "An HTTPS listener (or a TLS listener in mode Terminate) has no tls.certificateRefs", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var gateway in GatewayListeners.Gateways(context))
        {
            foreach (var listener in GatewayListeners.Of(gateway))
            {
                var protocol = listener["protocol"]?.Text;
                var tls = listener["tls"];
                var mode = tls?["mode"]?.Text ?? "Terminate";
                if (protocol is not ("HTTPS" or "TLS") || mode != "Terminate")
                    continue;
                if (tls is not YamlMap)
                    findings.Add(Info, gateway, listener["protocol"]!, $"{GatewayListeners.Describe(listener)} of Gateway {gateway.Name} has no tls block: a listener that terminates TLS needs tls.certificateRefs (a Secret with the certificate); the Gateway is refused",
                        "tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: <certificate secret>}]}");
                else if (tls["certificateRefs"] is not YamlList { Children.Count: > 0 } && tls["options"] is not YamlMap { Children.Count: > 0 })
                    findings.Add(Info, gateway, tls["certificateRefs"] ?? tls, $"{GatewayListeners.Describe(listener)} of Gateway {gateway.Name} terminates TLS but has no tls.certificateRefs: the Gateway is refused (certificateRefs or options must be specified when mode is Terminate)",
                        "certificateRefs: [{kind: Secret, name: <certificate secret>}]");
            }
        }
    }
}
