using Berth.Kubernetes;

namespace Berth.Tests.Kubernetes;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Reads_documents_with_positions_of_every_node()
    {
        var tree = YamlTreeReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n");
        Assert.Empty(tree.Problems);
        Assert.Equal(2, tree.Documents.Count);
        var name = tree.Documents[0].Root!["metadata"]!["name"]!;
        Assert.Equal(new TextSpan(4, 9, 4, 12), name.Span);
        var port = tree.Documents[1].Root!["spec"]!["ports"]!.Items[0]["port"]!;
        Assert.Equal("80", port.Text);
        Assert.Equal((10, 13), (port.Span.Line, port.Span.Column));
    }

    [Fact]
    public void A_syntax_error_is_a_problem_with_its_position_and_earlier_documents_stay()
    {
        var tree = YamlTreeReader.Read("kind: A\n---\nkind: B\n  bad: [\n");
        Assert.Single(tree.Documents);
        var problem = Assert.Single(tree.Problems);
        Assert.Equal(YamlProblemKind.Syntax, problem.Kind);
        Assert.True(problem.Span.Line >= 3);
    }

    [Fact]
    public void Tabs_in_indentation_are_a_syntax_problem_not_a_crash()
    {
        var tree = YamlTreeReader.Read("metadata:\n\tname: x\n");
        Assert.Contains(tree.Problems, p => p.Kind == YamlProblemKind.Syntax);
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_last_value_counts()
    {
        var tree = YamlTreeReader.Read("a: 1\nb: 2\na: 3\n");
        var problem = Assert.Single(tree.Problems);
        Assert.Equal(YamlProblemKind.DuplicateKey, problem.Kind);
        Assert.Equal(3, problem.Span.Line);
        Assert.Equal("3", tree.Documents[0].Root!["a"]!.Text);
    }

    [Fact]
    public void Aliases_are_shared_and_merge_keys_apply()
    {
        var tree = YamlTreeReader.Read("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n");
        Assert.Empty(tree.Problems);
        var root = tree.Documents[0].Root!;
        Assert.Same(root["base"], root["use"]);
        Assert.Equal("1", root["merged"]!["x"]!.Text);
        Assert.Equal("3", root["merged"]!["y"]!.Text);
    }

    [Fact]
    public void A_billion_laughs_is_cut_off_quickly_with_a_problem()
    {
        var text = new System.Text.StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tree = YamlTreeReader.Read(text.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains(tree.Problems, p => p.Message.Contains("alias bomb", StringComparison.Ordinal));
        Assert.True(tree.Documents[0].Root!.ExpandedSize <= YamlTreeReader.MaxExpandedNodes + 10);
    }

    [Fact]
    public void Deep_nesting_stops_with_a_problem_instead_of_overflowing()
    {
        var tree = YamlTreeReader.Read(new string('[', 5000) + new string(']', 5000));
        Assert.Contains(tree.Problems, p => p.Message.Contains("nesting deeper", StringComparison.Ordinal));
        var block = string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "k:\n"));
        Assert.Contains(YamlTreeReader.Read(block).Problems, p => p.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }
}
