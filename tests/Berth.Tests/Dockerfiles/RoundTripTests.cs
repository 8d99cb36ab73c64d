using Berth.Dockerfiles;
using Berth.Tests.Support;

namespace Berth.Tests.Dockerfiles;

public sealed class RoundTripTests
{
    public static TheoryData<string> GoldenDockerfiles()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Golden");
        foreach (var file in Directory.EnumerateFiles(root, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenDockerfiles))]
    public void Generated_dockerfiles_parse_cleanly_and_print_back_identically(string relative)
    {
        var text = File.ReadAllText(RepoPaths.Golden(relative));
        var document = DockerfileParser.Parse(relative, text);

        Assert.Empty(document.Diagnostics);
        Assert.Equal(text, document.ToText());
        Assert.NotEmpty(document.Stages);
        Assert.All(BuildArgResolver.Resolve(document), s => Assert.True(s.IsResolved, $"{s.Stage.Name}: {string.Join(",", s.Unresolved)}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("FROM alpine")]
    [InlineData("FROM alpine\r\nRUN echo hi\r\n")]
    [InlineData("\uFEFFFROM alpine\n")]
    [InlineData("\uFEFF")]
    [InlineData("FROM alpine   \n\tRUN\techo  \t\n\n\n")]
    [InlineData("RUN a \\\n  # comment\n\n  b\n")]
    [InlineData("RUN a \\")]
    [InlineData("RUN a \\\n")]
    [InlineData("RUN <<EOF\necho\n")]
    [InlineData("RUN <<EOF\necho\nEOF")]
    [InlineData("\r\n\r\r\n\\\n`")]
    [InlineData("FROM\n--\n[]\n\"\n'\n<<\n")]
    [InlineData("# escape=`\nRUN a `\r\n b\r\n")]
    [InlineData("ONBUILD\nONBUILD ONBUILD RUN x \\\n y")]
    public void Odd_inputs_print_back_identically(string text)
    {
        var document = DockerfileParser.Parse("Dockerfile", text);
        Assert.Equal(text, document.ToText());
    }

    [Fact]
    public void Nodes_are_contiguous_and_cover_the_text()
    {
        const string text = "# syntax=docker/dockerfile:1\n\nFROM a AS b\r\nRUN x \\\n# c\n  y\nCOPY <<EOF /f\nbody\nEOF\n# end";
        var document = DockerfileParser.Parse("Dockerfile", text);
        var position = 0;
        foreach (var node in document.Nodes)
        {
            Assert.Equal(position, node.Span.Start);
            Assert.Equal(node.Text, text.Substring(node.Span.Start, node.Span.Length));
            position = node.Span.End + node.LineBreak.Length;
        }
        Assert.Equal(text.Length, position);
        Assert.Equal(
            ["ParserDirective", "BlankLine", "FromInstruction", "RunInstruction", "CopyInstruction", "CommentLine"],
            document.Nodes.Select(n => n.GetType().Name).ToArray());
    }
}

public sealed class SpanEditTests
{
    [Fact]
    public void A_fix_replaces_one_span_and_leaves_every_other_byte()
    {
        const string text = "FROM python:3.11-slim AS base\r\n# keep me  \r\nRUN pip install x\r\n";
        var document = DockerfileParser.Parse("Dockerfile", text);
        var image = document.Instructions.OfType<FromInstruction>().Single().ImageWord!.Span;

        var fixedText = text[..image.Start] + "python:3.12-slim" + text[image.End..];

        Assert.Equal("FROM python:3.12-slim AS base\r\n# keep me  \r\nRUN pip install x\r\n", fixedText);
        Assert.Equal("3.12-slim", DockerfileParser.Parse("Dockerfile", fixedText).Instructions.OfType<FromInstruction>().Single().Image!.Tag);
    }

    [Fact]
    public void ReplaceText_swaps_a_node_and_reparses()
    {
        var document = DockerfileParser.Parse("Dockerfile", "\uFEFFFROM a\nMAINTAINER me\nRUN x");
        var maintainer = document.Instructions.OfType<MaintainerInstruction>().Single();

        var edited = document.ReplaceText(maintainer.Span, "LABEL org.opencontainers.image.authors=\"me\"");

        Assert.Equal("\uFEFFFROM a\nLABEL org.opencontainers.image.authors=\"me\"\nRUN x", edited.ToText());
        Assert.Equal("me", edited.Instructions.OfType<LabelInstruction>().Single().Pairs.Single().Value);
        Assert.Equal(new SourceSpan(1, 7, 1, 1, 1, 7), edited.Instructions.First().Span);
    }
}
