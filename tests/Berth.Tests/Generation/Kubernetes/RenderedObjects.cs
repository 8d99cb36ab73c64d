using System.Text;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>A rendered Kubernetes object as a plain tree (maps with sorted keys, lists, scalar text), for comparing renderings.</summary>
public sealed record RenderedObject(string Kind, string Name, YamlMappingNode Node)
{
    public string Key => $"{Kind}/{Name}";

    /// <summary>The object as canonical text (keys sorted, scalars as text), leaving out the paths given ("metadata.labels.helm.sh/chart").</summary>
    public string Canonical(params string[] without)
    {
        var text = new StringBuilder();
        Write(text, Node, "", without);
        return text.ToString();
    }

    public YamlNode? At(string dottedPath)
    {
        YamlNode? node = Node;
        foreach (var part in dottedPath.Split('.'))
        {
            node = node switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(part), out var child) ? child : null,
                YamlSequenceNode seq when int.TryParse(part, out var index) && index < seq.Children.Count => seq.Children[index],
                _ => null,
            };
            if (node is null)
                return null;
        }
        return node;
    }

    public string? Text(string dottedPath) => (At(dottedPath) as YamlScalarNode)?.Value;

    private static void Write(StringBuilder text, YamlNode node, string path, string[] without)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.OrderBy(c => ((YamlScalarNode)c.Key).Value, StringComparer.Ordinal))
                {
                    var childPath = path.Length == 0 ? ((YamlScalarNode)key).Value! : path + "." + ((YamlScalarNode)key).Value;
                    if (without.Any(w => MatchesIgnoringIndexes(childPath, w)))
                        continue;
                    Write(text, value, childPath, without);
                }
                if (map.Children.Count == 0)
                    text.Append(path).Append(" = {}\n");
                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                    Write(text, seq.Children[i], $"{path}.{i}", without);
                if (seq.Children.Count == 0)
                    text.Append(path).Append(" = []\n");
                break;
            case YamlScalarNode scalar:
                text.Append(path).Append(" = ").Append(scalar.Value).Append('\n');
                break;
        }
    }

    private static bool MatchesIgnoringIndexes(string path, string pattern) =>
        string.Join('.', path.Split('.').Where(p => !int.TryParse(p, out _))) == pattern;

    public static IReadOnlyList<RenderedObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = new List<RenderedObject>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode map || map.Children.Count == 0)
                continue;
            var kind = ((YamlScalarNode)map.Children[new YamlScalarNode("kind")]).Value!;
            var name = ((YamlScalarNode)((YamlMappingNode)map.Children[new YamlScalarNode("metadata")]).Children[new YamlScalarNode("name")]).Value!;
            objects.Add(new RenderedObject(kind, name, map));
        }
        return objects.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
    }
}
