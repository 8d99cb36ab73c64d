namespace Berth.Kubernetes;

/// <summary>A document that is a mapping but not a Kubernetes object: where it is and what it lacks.</summary>
public sealed record NotAnObject(SourceLocation Location, string Message);

/// <summary>One YAML file read as Kubernetes manifests: its objects (List items flattened), the YAML problems, and the documents that are not objects.</summary>
public sealed record ManifestFile(string File, IReadOnlyList<KubeObject> Objects, IReadOnlyList<YamlProblem> Problems, IReadOnlyList<NotAnObject> Strays)
{
    /// <summary>Reads <paramref name="text"/> as written in <paramref name="file"/>: every node is located where it is.</summary>
    public static ManifestFile Read(string file, string text) => Read(file, text, (_, node) => new SourceLocation(file, node.Span));

    /// <summary>Reads <paramref name="text"/>; <paramref name="locate"/> maps a node of an object (given that object's root) to where findings about it go.</summary>
    public static ManifestFile Read(string file, string text, Func<YamlMap, YamlValue, SourceLocation> locate)
    {
        var tree = YamlTreeReader.Read(text);
        var objects = new List<KubeObject>();
        var strays = new List<NotAnObject>();
        foreach (var document in tree.Documents)
        {
            if (document.Root is not YamlMap root)
            {
                if (document.Root is YamlScalar { IsNull: false } or YamlList)
                    strays.Add(new NotAnObject(new SourceLocation(file, document.Root.Span), "a document that is not a mapping is not a Kubernetes object"));
                continue;
            }
            Add(root, depth: 0);
        }
        return new ManifestFile(file, objects, tree.Problems, strays);

        void Add(YamlMap root, int depth)
        {
            var apiVersion = root["apiVersion"]?.Text;
            var kind = root["kind"]?.Text;
            if (apiVersion is null || kind is null)
            {
                var missing = apiVersion is null && kind is null ? "apiVersion and kind" : apiVersion is null ? "apiVersion" : "kind";
                strays.Add(new NotAnObject(locate(root, root), $"document has no {missing}"));
                return;
            }
            if (kind.EndsWith("List", StringComparison.Ordinal) && root["items"] is YamlList items && depth == 0)
            {
                foreach (var item in items.Children)
                {
                    if (item is YamlMap map)
                        Add(map, depth + 1);
                    else
                        strays.Add(new NotAnObject(locate(root, item), $"an item of {kind} is not an object"));
                }
                return;
            }
            objects.Add(new KubeObject(root, apiVersion, kind, node => locate(root, node)));
        }
    }

    /// <summary>Whether a YAML file looks like Kubernetes manifests: a top-level <c>apiVersion:</c> and <c>kind:</c> line.</summary>
    public static bool LooksLikeManifests(string text)
    {
        var apiVersion = false;
        var kind = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("apiVersion:", StringComparison.Ordinal))
                apiVersion = true;
            else if (line.StartsWith("kind:", StringComparison.Ordinal))
                kind = true;
            if (apiVersion && kind)
                return true;
        }
        return false;
    }
}
