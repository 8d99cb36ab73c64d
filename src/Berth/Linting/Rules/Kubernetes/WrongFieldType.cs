using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8007: a value of the wrong type where the API is strict: a quoted number for <c>replicas</c> or <c>containerPort</c>, a word for a
/// boolean, or an unquoted number or boolean where a string is required (env values, label and annotation values, ConfigMap data).
/// </summary>
public sealed class WrongFieldType : KubernetesRule
{
    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal)
    {
        "replicas", "containerPort", "hostPort", "nodePort", "terminationGracePeriodSeconds", "runAsUser", "runAsGroup", "fsGroup", "initialDelaySeconds",
        "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds",
        "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "startingDeadlineSeconds", "minReplicas", "maxReplicas",
    };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "runAsNonRoot", "privileged", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "hostNetwork", "hostPID", "hostIPC",
        "automountServiceAccountToken", "paused", "suspend", "immutable", "shareProcessNamespace", "enableServiceLinks",
    };

    public override RuleInfo Info { get; } = new("BK8007", "wrong-field-type", Severity.Error,
        "A value of the wrong type: a quoted number or word where an integer or boolean goes, or a bare number where a string goes", ["kubeconform/strict", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects.Where(o => KubeApiCatalog.KindsOf(o.ApiVersion).Contains(o.Kind)))
        {
            Walk(subject, subject.Root["spec"], findings, 0);
            Strings(subject, subject.Metadata?["labels"], "label value", findings);
            Strings(subject, subject.Metadata?["annotations"], "annotation value", findings);
            if (subject.Is("ConfigMap"))
                Strings(subject, subject.Root["data"], "ConfigMap data value", findings);
            if (PodTemplate.Of(subject) is { } pod)
            {
                Strings(subject, pod.Metadata?["labels"], "label value", findings);
                Strings(subject, pod.Metadata?["annotations"], "annotation value", findings);
                foreach (var container in pod.AllContainers)
                {
                    foreach (var env in container.Node["env"]?.Items ?? [])
                    {
                        if (env["value"] is YamlScalar { Quoted: false, IsNull: false } value && (value.Integer is not null || value.Boolean is not null || double.TryParse(value.Value, System.Globalization.CultureInfo.InvariantCulture, out _)))
                            findings.Add(Info, subject, value, $"env {env["name"]?.Text} has the bare value {value.Value}, which YAML reads as a {(value.Boolean is null ? "number" : "boolean")}: env values must be strings", $"value: \"{value.Value}\"");
                    }
                }
            }
        }
    }

    private void Strings(KubeObject subject, YamlValue? map, string what, KubernetesFindingSink findings)
    {
        foreach (var entry in map?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { Quoted: false, IsNull: false } value && (value.Boolean is not null || double.TryParse(value.Value, System.Globalization.CultureInfo.InvariantCulture, out _)))
                findings.Add(Info, subject, value, $"{what} {entry.Key.Value}: {value.Value} is read as a {(value.Boolean is null ? "number" : "boolean")}; it must be a string", $"{entry.Key.Value}: \"{value.Value}\"");
        }
    }

    private void Walk(KubeObject subject, YamlValue? node, KubernetesFindingSink findings, int depth)
    {
        if (node is null || depth > 40)
            return;
        foreach (var entry in node.Entries)
        {
            if (entry.Key.Value is "labels" or "annotations" or "matchLabels" or "selector" or "nodeSelector" or "data")
                continue;
            if (entry.Value is YamlScalar scalar && !scalar.IsNull)
            {
                if (Integers.Contains(entry.Key.Value) && scalar.Integer is null)
                    findings.Add(Info, subject, scalar, $"{entry.Key.Value} must be an integer, not {(scalar.Quoted ? "the string " : "")}\"{scalar.Value}\"",
                        long.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"{entry.Key.Value}: {scalar.Value}" : null);
                else if (Booleans.Contains(entry.Key.Value) && scalar.Boolean is null)
                    findings.Add(Info, subject, scalar, $"{entry.Key.Value} must be true or false, not {(scalar.Quoted ? "the string " : "")}\"{scalar.Value}\"",
                        scalar.Value.ToLowerInvariant() is "true" or "false" ? $"{entry.Key.Value}: {scalar.Value.ToLowerInvariant()}" : null);
            }
            else if (entry.Value is YamlList list)
            {
                foreach (var item in list.Children)
                    Walk(subject, item, findings, depth + 1);
            }
            else
            {
                Walk(subject, entry.Value, findings, depth + 1);
            }
        }
    }
}
