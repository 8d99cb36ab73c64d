using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Berth.Kubernetes.Schema;

/// <summary>A field the schema does not have, where it is (<c>spec.template.spec.containers[0]</c>), and the known field it most likely meant.</summary>
public sealed record UnknownField(YamlScalar Key, string Shape, string Path, string? Suggestion);

/// <summary>A value whose YAML type is not the field's: a quoted number for an integer, a bare number for a string, a mapping for a list.</summary>
public sealed record MistypedValue(YamlValue Value, string Path, FieldType Expected);

public sealed record SchemaIssues(IReadOnlyList<UnknownField> UnknownFields, IReadOnlyList<MistypedValue> MistypedValues)
{
    public static SchemaIssues None { get; } = new([], []);
}

/// <summary>
/// Checks a built-in object against <see cref="KubeSchema"/> as kubeconform's strict mode does: every field must exist in its
/// shape, and every value must have the field's type. Objects of kinds the table does not have (custom resources), and objects at
/// a retired apiVersion (BK8004 says so), are not checked.
/// </summary>
public static partial class SchemaCheck
{
    private static readonly ConditionalWeakTable<YamlMap, SchemaIssues> Checked = [];

    /// <summary>The shape an object is checked against, or null when it is not checked.</summary>
    public static KubeShape? ShapeFor(KubeObject subject) =>
        KubeApiCatalog.RetiredFor(subject.ApiVersion, subject.Kind) is null ? KubeSchema.ShapeOf(subject.ApiVersion, subject.Kind) : null;

    public static SchemaIssues Check(KubeObject subject) => Checked.GetValue(subject.Root, _ =>
    {
        if (ShapeFor(subject) is not { } shape)
            return SchemaIssues.None;
        var walk = new Walk();
        walk.Visit(subject.Root, new FieldType(FieldKind.Object, shape.Name), 0);
        return new SchemaIssues(walk.Unknown, walk.Mistyped);
    });

    /// <summary>The name of a shape as the API reference shows it: <c>SecurityContext</c> for <c>CoreV1SecurityContext</c>.</summary>
    public static string Display(string shape)
    {
        if (shape.StartsWith("Meta", StringComparison.Ordinal))
            return shape[4..];
        var version = VersionPart().Match(shape);
        return version.Success ? shape[(version.Index + version.Length)..] : shape;
    }

    /// <summary>Whether a plain YAML scalar reads as a number (YAML 1.1 as Kubernetes' decoder reads it: 8080, 0.5, 1e3, 0x1F, .inf).</summary>
    public static bool IsNumber(YamlScalar scalar) => !scalar.Quoted && !scalar.IsNull && NumberPattern().IsMatch(scalar.Value);

    /// <summary>What YAML makes of a scalar, for messages: "the string \"2\"", "the number 8080", "the boolean true".</summary>
    public static string Describe(YamlValue value) => value switch
    {
        YamlMap => "a mapping",
        YamlList => "a list",
        YamlScalar { Quoted: true } s => $"the string \"{s.Value}\"",
        YamlScalar { Boolean: not null } s => $"the boolean {s.Value}",
        YamlScalar s when IsNumber(s) => $"the number {s.Value}",
        YamlScalar s => $"the string \"{s.Value}\"",
        _ => "a value",
    };

    private sealed class Walk
    {
        public List<UnknownField> Unknown { get; } = [];

        public List<MistypedValue> Mistyped { get; } = [];

        // Aliases share nodes: each node is checked once (the first path it is reached by), so an alias bomb costs its written size.
        private readonly HashSet<YamlValue> _visited = new(ReferenceEqualityComparer.Instance);

        // The keys and indexes from the root to the node being checked; joined into a path only for an issue.
        private readonly List<string> _path = [];

        private string Path => string.Concat(_path.Select((segment, i) => i == 0 || segment.StartsWith('[') ? segment : "." + segment));

        public void Visit(YamlValue node, FieldType type, int depth)
        {
            if (depth > 64 || node is YamlScalar { IsNull: true } || !_visited.Add(node))
                return;
            switch (type.Kind)
            {
                case FieldKind.Any:
                    return;
                case FieldKind.Object when node is YamlMap map:
                    var shape = KubeSchema.Shape(type.Shape!);
                    foreach (var entry in map.Children)
                    {
                        if (shape.Fields.TryGetValue(entry.Key.Value, out var field))
                            Child(entry.Key.Value, entry.Value, field, depth);
                        else
                            Unknown.Add(new UnknownField(entry.Key, Display(shape.Name), Path, KubeFieldNames.Suggest(entry.Key.Value, shape.Fields.Keys)));
                    }
                    return;
                case FieldKind.List when node is YamlList list:
                    for (var i = 0; i < list.Children.Count; i++)
                        Child($"[{i}]", list.Children[i], type.Item!, depth);
                    return;
                case FieldKind.Map when node is YamlMap map:
                    foreach (var entry in map.Children)
                        Child(entry.Key.Value, entry.Value, type.Item!, depth);
                    return;
                case FieldKind.Object or FieldKind.List or FieldKind.Map:
                    Mistyped.Add(new MistypedValue(node, Path, type));
                    return;
            }
            if (node is not YamlScalar scalar || !Fits(scalar, type.Kind))
                Mistyped.Add(new MistypedValue(node, Path, type));
        }

        private void Child(string segment, YamlValue node, FieldType type, int depth)
        {
            if (type.Kind == FieldKind.Any || node is YamlScalar { IsNull: true })
                return;
            _path.Add(segment);
            Visit(node, type, depth + 1);
            _path.RemoveAt(_path.Count - 1);
        }

        private static bool Fits(YamlScalar scalar, FieldKind kind) => kind switch
        {
            FieldKind.String => scalar.Quoted || (scalar.Boolean is null && !IsNumber(scalar)),
            FieldKind.Number => IsNumber(scalar),
            FieldKind.Boolean => scalar.Boolean is not null,
            FieldKind.IntOrString or FieldKind.Quantity => scalar.Boolean is null,
            _ => true,
        };
    }

    [GeneratedRegex(@"V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])")]
    private static partial Regex VersionPart();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex NumberPattern();
}
