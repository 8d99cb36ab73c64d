namespace Berth.Kubernetes.Schema;

/// <summary>What a field holds, as the Kubernetes OpenAPI definitions say.</summary>
public enum FieldKind
{
    String,
    Number,
    Boolean,
    /// <summary>An integer or a string (a port by number or by name, a percentage).</summary>
    IntOrString,
    /// <summary>A resource quantity: a number or a string such as <c>100m</c> or <c>1Gi</c>.</summary>
    Quantity,
    /// <summary>Free-form (embedded JSON, raw extensions): not checked.</summary>
    Any,
    Object,
    List,
    Map,
}

/// <summary>The type of one field: a scalar kind, an object of a named shape, or a list or map of another type.</summary>
public sealed record FieldType(FieldKind Kind, string? Shape = null, FieldType? Item = null)
{
    public static FieldType Parse(string code) => code switch
    {
        "s" => new(FieldKind.String),
        "n" => new(FieldKind.Number),
        "b" => new(FieldKind.Boolean),
        "i" => new(FieldKind.IntOrString),
        "q" => new(FieldKind.Quantity),
        "*" => new(FieldKind.Any),
        _ when code.StartsWith('[') => new(FieldKind.List, Item: Parse(code[1..])),
        _ when code.StartsWith('{') => new(FieldKind.Map, Item: Parse(code[1..])),
        _ => new(FieldKind.Object, Shape: code),
    };

    /// <summary>How a message names this type: "a string", "a list of Container", "an int-or-string".</summary>
    public string Describe() => Kind switch
    {
        FieldKind.String => "a string",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "true or false",
        FieldKind.IntOrString => "a number or a string",
        FieldKind.Quantity => "a quantity (a number or a string such as 500m or 1Gi)",
        FieldKind.Any => "anything",
        FieldKind.Object => $"a mapping ({Shape})",
        FieldKind.List => "a list",
        FieldKind.Map => "a mapping",
        _ => Kind.ToString(),
    };
}

/// <summary>One object definition of the API (a <c>Container</c>, a <c>PodSpec</c>) and its fields.</summary>
public sealed record KubeShape(string Name, IReadOnlyDictionary<string, FieldType> Fields);
