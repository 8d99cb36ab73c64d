namespace Berth.Kubernetes;

/// <summary>Where a finding about a node goes: a file and a span in it.</summary>
public sealed record SourceLocation(string File, TextSpan Span);

/// <summary>
/// One Kubernetes object (a document, or an item of a <c>List</c>): its kind, apiVersion, metadata and node tree. <see cref="Locate"/>
/// gives the file and position of any node of the tree: the node's own for a file read as written, the source template's or
/// base's for an object rendered by helm or kustomize.
/// </summary>
public sealed record KubeObject(YamlMap Root, string ApiVersion, string Kind, Func<YamlValue, SourceLocation> Locate)
{
    public YamlValue? Metadata => Root["metadata"];

    public string Name => Metadata?["name"]?.Text ?? "";

    /// <summary>The namespace written on the object, or null (the namespace it is applied to).</summary>
    public string? Namespace => Metadata?["namespace"]?.Text;

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public IReadOnlyDictionary<string, string> Labels => Strings(Metadata?["labels"]);

    public IReadOnlyDictionary<string, string> Annotations => Strings(Metadata?["annotations"]);

    public string Display => Name.Length > 0 ? $"{Kind} {Name}" : Kind;

    /// <summary>The object's own position (its first key).</summary>
    public SourceLocation Location => Locate(Root);

    public bool Is(string kind) => string.Equals(Kind, kind, StringComparison.Ordinal);

    /// <summary>Same namespace, treating an unset namespace as the one everything unset is applied to.</summary>
    public bool SameNamespace(KubeObject other) => string.Equals(Namespace ?? "", other.Namespace ?? "", StringComparison.Ordinal);

    public static IReadOnlyDictionary<string, string> Strings(YamlValue? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map?.Entries ?? [])
            result[entry.Key.Value] = entry.Value is YamlScalar s ? s.Value : "";
        return result;
    }
}
