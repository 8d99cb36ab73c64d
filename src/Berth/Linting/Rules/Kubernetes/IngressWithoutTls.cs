using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8518: an Ingress without a <c>tls</c> section serves its hosts over plain HTTP.</summary>
public sealed class IngressWithoutTls : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8518", "ingress-without-tls", Severity.Warning,
        "An Ingress without a tls section", ["polaris/tlsSettingsMissing"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var ingress in context.Set.OfKind("Ingress"))
        {
            var spec = ingress.Root["spec"];
            if (spec?["tls"] is YamlList { Children.Count: > 0 })
                continue;
            findings.Add(Info, ingress, spec ?? ingress.Root,
                $"Ingress {ingress.Name} has no tls section: its hosts are served over plain HTTP; add tls with the hosts and a certificate Secret (cert-manager can issue it)");
        }
    }
}
