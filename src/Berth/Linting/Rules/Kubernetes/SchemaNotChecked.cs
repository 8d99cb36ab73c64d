using Berth.Kubernetes;
using Berth.Kubernetes.Schema;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8009: objects of a kind Berth has no schema for (custom resources of other groups: cert-manager, Prometheus, Argo): their
/// fields and types are not checked. Said once per apiVersion and kind, so that a clean result is not read as "validated".
/// </summary>
public sealed class SchemaNotChecked : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8009", "schema-not-checked", Severity.Info,
        "A custom resource Berth has no schema for: its fields and types were not checked", ["kubeconform/missing-schema"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var defined = context.Objects.Where(o => o.Is("CustomResourceDefinition"))
            .Select(o => (Group: o.Root["spec"]?["group"]?.Text, Kind: o.Root["spec"]?["names"]?["kind"]?.Text)).ToHashSet();
        var notChecked = context.Objects.Where(o => o.ApiVersion.Length > 0 && o.Kind.Length > 0 && Unchecked(o, defined)).GroupBy(o => (o.ApiVersion, o.Kind));
        foreach (var group in notChecked)
        {
            var first = group.First();
            var count = group.Count();
            var why = defined.Contains((first.Group, first.Kind)) ? "its CustomResourceDefinition in this set is not read for fields" : "Berth has no schema for it";
            findings.Add(Info, first, first.Root["kind"] ?? first.Root, $"{first.ApiVersion} {first.Kind} not checked ({count} object(s)): {why}, so its fields and their types were not validated");
        }
    }

    /// <summary>Not checked, and not an object BK8004 (retired) or BK8005 (unknown kind or version of a built-in group) already reports.</summary>
    private static bool Unchecked(KubeObject subject, HashSet<(string? Group, string? Kind)> defined) =>
        SchemaCheck.ShapeFor(subject) is null && KubeApiCatalog.RetiredFor(subject.ApiVersion, subject.Kind) is null
        && (!KubeApiCatalog.KnowsGroup(subject.ApiVersion) || defined.Contains((subject.Group, subject.Kind)) || KubeApiCatalog.KindsOf(subject.ApiVersion).Contains(subject.Kind));
}
