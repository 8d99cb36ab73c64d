using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8515: a Service whose selector matches the pods of more than one workload in the set (two Deployments sharing <c>app: web</c>,
/// a migration Job with the app's labels): its traffic is spread over all of them, whatever each runs.
/// </summary>
public sealed class ServiceSelectsSeveralWorkloads : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8515", "service-selects-several-workloads", Severity.Warning,
        "A Service's selector matches the pods of more than one workload: its traffic is spread over all of them", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var pods = context.PodTemplates.ToList();
        foreach (var service in context.Set.OfKind("Service"))
        {
            var selectorNode = service.Root["spec"]?["selector"];
            var selector = KubeObject.Strings(selectorNode);
            if (selector.Count == 0 || service.Root["spec"]?["type"]?.Text == "ExternalName")
                continue;
            var owners = pods.Where(p => p.Owner.SameNamespace(service) && LabelSelector.MatchesMap(selector, p.Labels)).Select(p => p.Owner).Distinct().ToList();
            if (owners.Count < 2)
                continue;
            findings.Add(Info, service, selectorNode!,
                $"Service {service.Name} selects {SelectorMismatch.Labels(selector)}, which matches the pods of {string.Join(" and ", owners.Select(o => o.Display))}: "
                + "its traffic is spread over all of them; add a label that only the serving workload's pods carry to the selector");
        }
    }
}
