using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Configuration;

/// <summary>Reads a YAML config file into its top-level mapping with YamlDotNet's representation model (no reflection), errors as file:line.</summary>
internal sealed class YamlConfigReader(string file)
{
    public string File { get; } = file;

    public YamlMappingNode ReadRoot()
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(File, 0, $"cannot read config: {e.Message}");
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(File, (int)e.Start.Line, $"invalid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new YamlMappingNode();
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(stream.Documents[0].RootNode, "expected a mapping of settings at the top level");
    }

    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Entries(YamlMappingNode mapping)
    {
        foreach (var (key, value) in mapping.Children)
            yield return (Scalar(key), value, key);
    }

    public string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw Error(node, "expected a single value");

    /// <summary>A list of scalars; a single scalar counts as a one-item list (hadolint accepts both for trustedRegistries).</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> List(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => (Scalar(c), c))],
        YamlScalarNode { Value: null or "" } => [],
        YamlScalarNode scalar => [(Scalar(scalar), scalar)],
        _ => throw Error(node, "expected a list"),
    };

    public YamlMappingNode Mapping(YamlNode node) => node as YamlMappingNode ?? throw Error(node, "expected a mapping");

    public Severity Severity(YamlNode node, bool allowStyle = false) => Scalar(node).ToLowerInvariant() switch
    {
        "error" => Linting.Severity.Error,
        "warning" => Linting.Severity.Warning,
        "info" => Linting.Severity.Info,
        "style" when allowStyle => Linting.Severity.Info,
        var other => throw Error(node, $"unknown severity '{other}' (expected error, warning or info{(allowStyle ? " or style" : "")})"),
    };

    public bool Boolean(YamlNode node) => Scalar(node).ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var other => throw Error(node, $"expected true or false, not '{other}'"),
    };

    /// <summary>A label schema (<c>{label: text|url|email|rfc3339|semver|hash|spdx}</c>); an unknown format is an error.</summary>
    public IReadOnlyDictionary<string, Labels.LabelFormat> LabelSchema(YamlNode node)
    {
        var schema = new Dictionary<string, Labels.LabelFormat>(StringComparer.Ordinal);
        if (node is YamlScalarNode { Value: null or "" })
            return schema;
        foreach (var (label, format, _) in Entries(Mapping(node)))
        {
            schema[label] = Labels.LabelFormats.Parse(Scalar(format))
                ?? throw Error(format, $"unknown label format '{Scalar(format)}' (expected text, url, email, rfc3339, semver, hash or spdx)");
        }
        return schema;
    }

    public InputException Error(YamlNode node, string message) => new(File, (int)node.Start.Line, message);
}
