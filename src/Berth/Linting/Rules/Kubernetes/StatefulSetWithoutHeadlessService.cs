using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8517: a StatefulSet without <c>serviceName</c>, or naming a Service of the set that is not headless (<c>clusterIP: None</c>):
/// its pods get no stable DNS names (<c>web-0.web</c>), which is what a StatefulSet is for.
/// </summary>
public sealed class StatefulSetWithoutHeadlessService : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8517", "statefulset-without-headless-service", Severity.Warning,
        "A StatefulSet without serviceName, or whose serviceName is a Service in the set that is not headless", ["kube-score/statefulset-has-servicename"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var set in context.Set.OfKind("StatefulSet"))
        {
            var spec = set.Root["spec"];
            if (spec?["serviceName"] is not YamlScalar { Value.Length: > 0 } name)
            {
                findings.Add(Info, set, spec ?? set.Root, $"StatefulSet {set.Name} has no serviceName: its pods get no stable DNS names; add a headless Service (clusterIP: None) and name it here", "serviceName: " + set.Name);
                continue;
            }
            var service = context.Set.OfKind("Service").FirstOrDefault(s => s.Name == name.Value && s.SameNamespace(set));
            if (service is not null && service.Root["spec"]?["clusterIP"]?.Text is not "None")
                findings.Add(Info, set, name, $"StatefulSet {set.Name} names Service {name.Value}, which is not headless: give it clusterIP: None so each pod gets its own DNS name");
        }
    }
}
