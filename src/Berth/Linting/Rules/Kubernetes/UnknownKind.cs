using Berth.Kubernetes;
using Berth.Kubernetes.Schema;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8005: a kind or version that a built-in API group does not have (a typo such as <c>Deploymnet</c> or <c>apps/v2</c>).</summary>
public sealed class UnknownKind : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8005", "unknown-kind", Severity.Error,
        "The kind or version does not exist in the object's built-in API group", ["kubeconform/strict", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        // Custom resources defined in the set may live in any group.
        var defined = context.Objects.Where(o => o.Is("CustomResourceDefinition"))
            .Select(o => (Group: o.Root["spec"]?["group"]?.Text, Kind: o.Root["spec"]?["names"]?["kind"]?.Text)).ToHashSet();
        foreach (var subject in context.Objects)
        {
            if (!KubeApiCatalog.KnowsGroup(subject.ApiVersion) || KubeApiCatalog.RetiredFor(subject.ApiVersion, subject.Kind) is not null
                || defined.Contains((subject.Group, subject.Kind)))
                continue;
            var kindNode = subject.Root["kind"]!;
            if (!KubeApiCatalog.KnowsVersion(subject.ApiVersion))
            {
                var serving = KubeApiCatalog.VersionsServing(subject.Group, subject.Kind).ToList();
                findings.Add(Info, subject, subject.Root["apiVersion"]!, $"{subject.ApiVersion} is not a version of the {(subject.Group.Length == 0 ? "core" : subject.Group)} API group"
                    + (serving.Count > 0 ? $"; {subject.Kind} is served by {string.Join(", ", serving)}" : ""), serving.Count > 0 ? $"apiVersion: {serving[0]}" : null);
            }
            else if (!KubeApiCatalog.KindsOf(subject.ApiVersion).Contains(subject.Kind))
            {
                var suggestion = KubeFieldNames.Suggest(subject.Kind, KubeApiCatalog.KindsOf(subject.ApiVersion));
                findings.Add(Info, subject, kindNode, $"{subject.ApiVersion} has no kind {subject.Kind}" + (suggestion is not null ? $"; did you mean {suggestion}?" : ""),
                    suggestion is not null ? $"kind: {suggestion}" : null);
            }
        }
    }
}
