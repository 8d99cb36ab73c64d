using System.Text;
using Berth.Dockerfiles;
using Berth.Tests.Support;

namespace Berth.Tests.Dockerfiles;

/// <summary>Seeded random and mutated Dockerfiles: the parser never throws and always prints back the input.</summary>
public sealed class FuzzTests
{
    [Fact]
    public void Random_dockerfiles_round_trip()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
            AssertRoundTrip(DockerfileFuzz.RandomText(random, DockerfileFuzz.Fragments), $"random #{i}");
    }

    [Fact]
    public void Mutated_golden_dockerfiles_round_trip()
    {
        var random = new Random(42);
        var seeds = DockerfileFuzz.GoldenSeeds();
        for (var i = 0; i < 2000; i++)
            AssertRoundTrip(DockerfileFuzz.Mutated(seeds[i % seeds.Count], random), $"mutation #{i}");
    }

    [Fact]
    public void Large_input_parses_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("RUN echo a \\\n  && echo \"b\" $(c) | d\n", 20000))
            + "RUN <<EOF\n" + string.Concat(Enumerable.Repeat("line\n", 20000)) + "EOF\n"
            + "RUN " + string.Concat(Enumerable.Repeat("x \\\n", 20000)) + "y\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var document = DockerfileParser.Parse("big", text);
        foreach (var run in document.Instructions.OfType<RunInstruction>())
            _ = run.Scripts();
        Assert.Equal(text, document.ToText());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    internal static void AssertRoundTrip(string text, string label)
    {
        DockerfileDocument document;
        try
        {
            document = DockerfileParser.Parse("fuzz", text);
            Exercise(document);
        }
        catch (Exception e)
        {
            Assert.Fail($"{label} threw {e.GetType().Name}: {e.Message}\n---\n{text}\n---\n{e.StackTrace}");
            return;
        }
        if (document.ToText() != text)
            Assert.Fail($"{label} did not round-trip:\n---\n{text}\n---");
    }

    /// <summary>Touches every derived view so a bug in any of them shows up as an exception.</summary>
    internal static void Exercise(DockerfileDocument document)
    {
        var length = document.ToText().Length;
        void InBounds(SourceSpan span)
        {
            if (span.Start < 0 || span.End < span.Start || span.End > length || span.StartLine < 1 || span.StartColumn < 1)
                throw new InvalidOperationException($"span {span} ({span.Start}..{span.End}) outside the text of length {length}");
        }
        foreach (var node in document.Nodes)
            InBounds(node.Span);
        foreach (var diagnostic in document.Diagnostics)
            InBounds(diagnostic.Span);
        var graph = StageGraph.Build(document);
        _ = graph.StagesNeededFor();
        foreach (var instruction in document.Instructions)
        {
            InBounds(instruction.Syntax.KeywordSpan);
            InBounds(instruction.Arguments.Span);
            foreach (var flag in instruction.Flags)
                InBounds(flag.Span);
            foreach (var heredoc in instruction.Heredocs)
                InBounds(heredoc.BodySpan);
            switch (instruction)
            {
                case RunInstruction run:
                    foreach (var script in run.Scripts())
                    {
                        foreach (var command in script.AllCommands())
                        {
                            foreach (var word in command.Arguments.Concat(command.Assignments))
                                InBounds(word.Span);
                        }
                    }
                    _ = run.Mounts();
                    break;
                case CmdInstruction cmd:
                    _ = cmd.Command.ShellCommands().AllCommands().Count();
                    break;
                case HealthcheckInstruction { Command: { } command }:
                    _ = command.ShellCommands();
                    break;
            }
        }
    }
}

/// <summary>Real Dockerfiles gathered by bench/dockerfile-corpus/collect.sh (bench/corpus is not committed).</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_files_round_trip()
    {
        var corpus = Path.Combine(RepoPaths.Root, "bench", "corpus");
        if (!Directory.Exists(corpus))
            Assert.Skip("bench/corpus is absent; run bench/dockerfile-corpus/collect.sh to gather it");
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var withDiagnostics = 0;
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            var relative = Path.GetRelativePath(corpus, file);
            FuzzTests.AssertRoundTrip(text, relative);
            var diagnostics = DockerfileParser.Parse(file, text).Diagnostics;
            if (diagnostics.Count > 0)
                withDiagnostics++;
            foreach (var diagnostic in diagnostics)
            {
                codes[diagnostic.Code] = codes.GetValueOrDefault(diagnostic.Code) + 1;
                output.WriteLine($"{relative}:{diagnostic.Span.StartLine}:{diagnostic.Span.StartColumn} {diagnostic.Code} {diagnostic.Message}");
            }
        }
        output.WriteLine($"{files.Count} corpus files round-tripped; {withDiagnostics} have diagnostics ({string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"))})");
    }
}
