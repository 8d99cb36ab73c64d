using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8502: a Service whose selector matches no pod template in the set (when the set has workloads): it has no endpoints.</summary>
public sealed class ServiceSelectsNoPod : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8502", "service-selects-no-pod", Severity.Error,
        "A Service's selector matches no pod template in the same set and namespace", ["kube-score/service-targets-pod", "kube-linter/dangling-service"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var pods = context.PodTemplates.ToList();
        if (pods.Count == 0)
            return; // the workloads live elsewhere
        foreach (var service in context.Set.OfKind("Service"))
        {
            var selectorNode = service.Root["spec"]?["selector"];
            var selector = KubeObject.Strings(selectorNode);
            if (selector.Count == 0 || service.Root["spec"]?["type"]?.Text == "ExternalName")
                continue;
            if (!pods.Any(p => p.Owner.SameNamespace(service) && LabelSelector.MatchesMap(selector, p.Labels)))
            {
                var closest = pods.Where(p => p.Owner.SameNamespace(service)).MaxBy(p => selector.Count(s => p.Labels.TryGetValue(s.Key, out var v) && v == s.Value));
                findings.Add(Info, service, selectorNode!, $"Service {service.Name} selects {SelectorMismatch.Labels(selector)}, which no pod template in the set has"
                    + (closest is null ? "" : $" ({closest.Owner.Display}'s pods have {SelectorMismatch.Labels(closest.Labels)})") + ": it has no endpoints");
            }
        }
    }
}
