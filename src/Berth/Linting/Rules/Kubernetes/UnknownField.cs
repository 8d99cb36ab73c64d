using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8006: a field the Kubernetes schema does not have at that place: the API server drops or refuses it, so the setting never applies.</summary>
public sealed class UnknownField : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8006", "unknown-field", Severity.Error,
        "A field the Kubernetes schema does not have there (a typo or a misplaced field)", ["kubeconform/strict", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects)
        {
            foreach (var unknown in KubeFieldSchema.UnknownFields(subject))
            {
                findings.Add(Info, subject, unknown.Key, $"'{unknown.Key.Value}' is not a field of {Article(unknown.Shape)}"
                    + (unknown.Suggestion is not null ? $"; did you mean '{unknown.Suggestion}'?" : ""), unknown.Suggestion);
            }
        }
    }

    private static string Article(string shape) => shape switch
    {
        "podSpec" => "a pod spec",
        "container" => "a container",
        "containerPort" => "a container port",
        "envVar" => "an env entry",
        "probe" => "a probe",
        "securityContext" => "a container securityContext",
        "podSecurityContext" => "a pod securityContext",
        "servicePort" => "a Service port",
        "serviceSpec" => "a Service spec",
        "metadata" => "metadata",
        "template" => "a pod template",
        "resources" => "resources",
        _ when char.IsUpper(shape[0]) => $"a {shape}",
        _ => $"a {shape}",
    };
}
