using Berth.Kubernetes;
using Berth.Kubernetes.Schema;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8007: a value of the wrong type for its field, anywhere in the object, as the schema generated from the OpenAPI definitions
/// says: a quoted number for <c>replicas</c> or <c>containerPort</c>, a word for a boolean, an unquoted number or boolean where a
/// string is required (env values, label and annotation values, ConfigMap data), a mapping where a list goes. Int-or-string fields
/// (ports, percentages) and quantities take both numbers and strings.
/// </summary>
public sealed class WrongFieldType : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8007", "wrong-field-type", Severity.Error,
        "A value of the wrong type: a quoted number or word where an integer or boolean goes, or a bare number where a string goes", ["kubeconform/strict", "kube-linter/schema-validation"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects)
        {
            foreach (var mistyped in SchemaCheck.Check(subject).MistypedValues)
                findings.Add(Info, subject, mistyped.Value, Message(mistyped), Fix(mistyped));
        }
    }

    private static string Message(MistypedValue mistyped)
    {
        var value = mistyped.Value;
        if (mistyped.Expected.Kind == FieldKind.String && value is YamlScalar scalar)
            return $"{mistyped.Path} must be a string, but YAML reads the bare {scalar.Value} as a {(scalar.Boolean is null ? "number" : "boolean")}: quote it";
        return $"{mistyped.Path} must be {mistyped.Expected.Describe()}, not {SchemaCheck.Describe(value)}";
    }

    private static string? Fix(MistypedValue mistyped)
    {
        if (mistyped.Value is not YamlScalar scalar)
            return null;
        var fixedValue = mistyped.Expected.Kind switch
        {
            FieldKind.String => $"\"{scalar.Value}\"",
            FieldKind.Number when scalar.Quoted && SchemaCheck.IsNumber(scalar with { Quoted = false }) => scalar.Value,
            FieldKind.Boolean when scalar.Value.ToLowerInvariant() is "true" or "false" => scalar.Value.ToLowerInvariant(),
            _ => null,
        };
        if (fixedValue is null)
            return null;
        var name = mistyped.Path[(mistyped.Path.LastIndexOf('.') + 1)..];
        return name.EndsWith(']') ? fixedValue : $"{name}: {fixedValue}";
    }
}
