namespace Berth.Kubernetes;

/// <summary>
/// The way from an object's root to one of its nodes (keys, and list items by their <c>name</c> where they have one), so a node of a
/// rendered object can be found again in the source object it came from.
/// </summary>
public static class YamlPath
{
    private const int MaxVisited = 50_000;

    public static IReadOnlyList<object>? Find(YamlValue root, YamlValue target)
    {
        var path = new List<object>();
        var visited = 0;
        return Walk(root) ? path : null;

        bool Walk(YamlValue node)
        {
            if (ReferenceEquals(node, target))
                return true;
            if (++visited > MaxVisited || path.Count > YamlTreeReader.MaxDepth)
                return false;
            switch (node)
            {
                case YamlMap map:
                    foreach (var entry in map.Children)
                    {
                        path.Add(entry.Key.Value);
                        if (ReferenceEquals(entry.Key, target) || Walk(entry.Value))
                            return true;
                        path.RemoveAt(path.Count - 1);
                    }
                    return false;
                case YamlList list:
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        path.Add(list.Children[i]["name"]?.Text is { } name ? (object)("name=" + name) : i);
                        if (Walk(list.Children[i]))
                            return true;
                        path.RemoveAt(path.Count - 1);
                    }
                    return false;
                default:
                    return false;
            }
        }
    }

    /// <summary>The deepest node of <paramref name="root"/> that <paramref name="path"/> reaches.</summary>
    public static YamlValue Follow(YamlValue root, IReadOnlyList<object> path)
    {
        var node = root;
        foreach (var step in path)
        {
            YamlValue? next = (node, step) switch
            {
                (YamlMap map, string key) when !key.StartsWith("name=", StringComparison.Ordinal) || map.Get(key) is not null => map.Get(key),
                (YamlList list, string named) => list.Children.FirstOrDefault(c => c["name"]?.Text == named["name=".Length..]),
                (YamlList list, int index) when index < list.Children.Count => list.Children[index],
                _ => null,
            };
            if (next is null)
                return node;
            node = next;
        }
        return node;
    }
}
