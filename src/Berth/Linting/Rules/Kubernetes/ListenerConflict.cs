using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8910: two listeners of one Gateway with the same name, or the same port, protocol and hostname (no hostname counts as one
/// value): the Gateway API refuses the Gateway (listener names, and port/protocol/hostname combinations, must be unique).
/// </summary>
public sealed class ListenerConflict : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8910", "listener-conflict", Severity.Error,
        "Two listeners of a Gateway share a name, or the same port, protocol and hostname", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var gateway in GatewayListeners.Gateways(context))
        {
            var names = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
            var endpoints = new Dictionary<(long?, string?, string), YamlValue>();
            foreach (var listener in GatewayListeners.Of(gateway))
            {
                if (listener["name"] is YamlScalar { IsNull: false } name && !names.TryAdd(name.Value, listener))
                    findings.Add(Info, gateway, name, $"Gateway {gateway.Name} has two listeners named '{name.Value}': listener names must be unique; the Gateway is refused");
                var port = (listener["port"] as YamlScalar)?.Integer;
                var key = (port, listener["protocol"]?.Text, listener["hostname"]?.Text ?? "");
                if (port is not null && !endpoints.TryAdd(key, listener))
                {
                    var first = endpoints[key];
                    findings.Add(Info, gateway, listener["port"]!, $"{GatewayListeners.Describe(listener)} of Gateway {gateway.Name} has the same port {port}, protocol and hostname ({(key.Item3.Length == 0 ? "none" : key.Item3)}) as listener '{first["name"]?.Text}': the combination must be unique; give one a different hostname or port");
                }
            }
        }
    }
}
