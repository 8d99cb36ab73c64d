using Berth.Kubernetes.Schema;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8006: a field the Kubernetes (or Gateway API) schema does not have at that place, anywhere in the object: the API server drops
/// or refuses it, so the setting never applies. Checked against the field table generated from the OpenAPI definitions.
/// </summary>
public sealed class UnknownField : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8006", "unknown-field", Severity.Error,
        "A field the Kubernetes schema does not have there (a typo or a misplaced field)", ["kubeconform/strict", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects)
        {
            foreach (var unknown in SchemaCheck.Check(subject).UnknownFields)
            {
                var where = unknown.Path.Length == 0 ? $"a {subject.Kind}" : $"{unknown.Shape} (at {unknown.Path})";
                findings.Add(Info, subject, unknown.Key, $"'{unknown.Key.Value}' is not a field of {where}"
                    + (unknown.Suggestion is not null ? $"; did you mean '{unknown.Suggestion}'?" : ""), unknown.Suggestion);
            }
        }
    }
}
