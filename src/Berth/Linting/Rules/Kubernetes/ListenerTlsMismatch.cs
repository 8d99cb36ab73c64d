using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8909: a listener's tls block does not fit its protocol: tls on an HTTP, TCP or UDP listener (the Gateway API refuses it), or
/// mode Passthrough on an HTTPS listener (HTTPS terminates TLS at the Gateway: passing TLS through takes a TLS listener and a TLSRoute).
/// </summary>
public sealed class ListenerTlsMismatch : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8909", "listener-tls-mismatch", Severity.Error,
        "A listener's tls block does not fit its protocol: tls on HTTP/TCP/UDP, or mode Passthrough on HTTPS", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var gateway in GatewayListeners.Gateways(context))
        {
            foreach (var listener in GatewayListeners.Of(gateway))
            {
                if (listener["tls"] is not YamlMap tls)
                    continue;
                var protocol = listener["protocol"]?.Text;
                if (protocol is "HTTP" or "TCP" or "UDP")
                    findings.Add(Info, gateway, tls, $"{GatewayListeners.Describe(listener)} of Gateway {gateway.Name} has a tls block, which {protocol} listeners must not have: the Gateway is refused; use protocol {(protocol == "HTTP" ? "HTTPS" : "TLS")} to serve TLS, or remove tls");
                else if (protocol == "HTTPS" && tls["mode"] is YamlScalar { Value: "Passthrough" } mode)
                    findings.Add(Info, gateway, mode, $"{GatewayListeners.Describe(listener)} of Gateway {gateway.Name} has tls.mode Passthrough: an HTTPS listener terminates TLS (mode Terminate with certificateRefs); to pass TLS through to the backend use protocol TLS and a TLSRoute",
                        "mode: Terminate");
            }
        }
    }
}
