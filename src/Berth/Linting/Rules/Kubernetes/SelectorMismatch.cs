using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8501: a workload's selector is missing or does not match its own pod template's labels: the API server refuses it.</summary>
public sealed class SelectorMismatch : KubernetesRule
{
    private static readonly string[] Kinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"];

    public override RuleInfo Info { get; } = new("BK8501", "selector-mismatch", Severity.Error,
        "A Deployment/StatefulSet/DaemonSet/ReplicaSet selector is missing or does not match its pod template's labels",
        ["kube-score/deployment-pod-selector-labels-match-template-metadata-labels", "kube-score/statefulset-pod-selector-labels-match-template-metadata-labels", "kube-linter/mismatching-selector", "helm-lint/selector"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects.Where(o => Kinds.Contains(o.Kind) && o.ApiVersion == "apps/v1"))
        {
            if (PodTemplate.Of(subject) is not { } pod)
                continue;
            var selector = subject.Root["spec"]?["selector"];
            if (selector is null)
                findings.Add(Info, subject, subject.Root["spec"] is YamlMap spec ? spec.Children.FirstOrDefault()?.Key ?? (YamlValue)spec : subject.Root,
                    $"{subject.Display} has no spec.selector (required in apps/v1)", "selector: {matchLabels: <the template's labels>}");
            else if (!LabelSelector.Matches(selector, pod.Labels))
                findings.Add(Info, subject, selector, $"the selector of {subject.Display} does not match its pod template's labels ({Labels(pod.Labels)}): the API server refuses it");
        }
    }

    internal static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "none" : string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
