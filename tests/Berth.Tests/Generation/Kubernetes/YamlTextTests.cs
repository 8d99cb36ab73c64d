using Berth.Generation.Kubernetes.Yaml;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Generation.Kubernetes;

/// <summary>Strings stay strings: whatever a plain scalar would read as another type (or not parse) is quoted, and everything reads back.</summary>
public sealed class YamlTextTests
{
    [Theory]
    [InlineData("8000", "\"8000\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("No", "\"No\"")]
    [InlineData("", "\"\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData("*.example.com", "\"*.example.com\"")]
    [InlineData("- item", "\"- item\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("/health", "/health")]
    [InlineData("http://catalog:8001", "http://catalog:8001")]
    [InlineData("notes-api", "notes-api")]
    [InlineData("0.1.0", "0.1.0")]
    [InlineData("postgresql://app@db/app", "postgresql://app@db/app")]
    public void Strings_are_quoted_only_when_needed(string value, string written)
    {
        var text = YamlText.Document(new YamlMap().Add("key", value));
        Assert.Equal($"key: {written}\n", text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("key")];
        Assert.Equal(value, scalar.Value);
        Assert.Equal(written.StartsWith('"'), scalar.Style == YamlDotNet.Core.ScalarStyle.DoubleQuoted);
    }

    [Fact]
    public void Nested_maps_sequences_and_comments_print_as_kubectl_does()
    {
        var text = YamlText.Document(new YamlMap()
            .Add("spec", new YamlMap()
                .Add("containers", new YamlSeq(new YamlMap().Add("name", "app").Add("ports", new YamlSeq(new YamlMap().Add("containerPort", 8000)))))
                .Add("drop", new YamlSeq("ALL"))
                .Add("empty", new YamlMap())
                .Add("none", new YamlSeq()))
            .Add("data", new YamlMap().Add("PORT", "8000", "the container port")));
        Assert.Equal(
            "spec:\n  containers:\n    - name: app\n      ports:\n        - containerPort: 8000\n  drop:\n    - ALL\n  empty: {}\n  none: []\ndata:\n  # the container port\n  PORT: \"8000\"\n",
            text);
    }
}
