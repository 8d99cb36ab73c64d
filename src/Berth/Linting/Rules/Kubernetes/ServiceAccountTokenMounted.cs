using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8318: the pod gets an API token mounted that a web app rarely needs, and an attacker inside it can use.</summary>
public sealed class ServiceAccountTokenMounted : PodRule
{
    public override RuleInfo Info { get; } = new("BK8318", "service-account-token-mounted", Severity.Info,
        "The pod does not set automountServiceAccountToken: false (nor does its ServiceAccount in the set)", ["polaris/automountServiceAccountToken"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        if (pod.Spec["automountServiceAccountToken"] is YamlScalar { Boolean: false })
            return;
        var accountName = pod.Spec["serviceAccountName"]?.Text ?? pod.Spec["serviceAccount"]?.Text ?? "default";
        var account = context.Objects.FirstOrDefault(o => o.Is("ServiceAccount") && o.Name == accountName && o.SameNamespace(pod.Owner));
        if (pod.Spec["automountServiceAccountToken"] is null && account?.Root["automountServiceAccountToken"] is YamlScalar { Boolean: false })
            return;
        Add(findings, pod, pod.Spec["automountServiceAccountToken"] ?? pod.Spec.KeyOf("containers") as YamlValue ?? pod.Spec,
            $"{pod.Owner.Display} mounts the ServiceAccount '{accountName}' token; set automountServiceAccountToken: false unless the app calls the Kubernetes API", "automountServiceAccountToken: false");
    }
}
