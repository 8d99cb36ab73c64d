using System.Text;
using Berth.Dockerfiles;
using Berth.Tests.Support;

namespace Berth.Tests.Dockerfiles;

/// <summary>Seeded random and mutated Dockerfiles: the parser never throws and always prints back the input.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "EXPOSE ", "USER ", "WORKDIR ", "CMD ", "ENTRYPOINT ",
        "HEALTHCHECK ", "ONBUILD ", "SHELL ", "VOLUME ", "STOPSIGNAL ", "MAINTAINER ", "frobnicate ", "NONE ", "CMD ",
        "--mount=type=cache,target=/x ", "--from=", "--", "--=", "--link ", "AS ", "as ",
        "<<EOF", "<<-EOF", "<<'EOF'", "<<\"E\"", "EOF", "E", "\tEOF", "<<<", "<<",
        "[", "]", "\"", "'", ",", "\"a\"", "[\"sh\", \"-c\"]", "\\u00", "{", "}", "(", ")", "$(", "`", "${A:-b}", "$", "${",
        "&&", "||", ";", "|", "&", ">", "2>&1", "=", ":", "/", "#", "# escape=`", "# syntax=x", "# check=skip=all",
        "\\", "`", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\uFEFF", "é", "\u0000", "a", "b=c", "x y", "1", "80/udp",
    ];

    [Fact]
    public void Random_dockerfiles_round_trip()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var j = 0; j < count; j++)
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            AssertRoundTrip(builder.ToString(), $"random #{i}");
        }
    }

    [Fact]
    public void Mutated_golden_dockerfiles_round_trip()
    {
        var random = new Random(42);
        var root = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Golden");
        var seeds = Directory.EnumerateFiles(root, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();
        seeds.Add("# escape=`\nFROM a\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /y\n\tz\n\tX\n");
        for (var i = 0; i < 2000; i++)
        {
            var text = seeds[i % seeds.Count];
            var mutations = random.Next(1, 6);
            for (var m = 0; m < mutations; m++)
                text = Mutate(text, random);
            AssertRoundTrip(text, $"mutation #{i}");
        }
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

    private static string Mutate(string text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        return random.Next(4) switch
        {
            0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
            1 when text.Length > 0 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
            2 => text.Insert(at, text.Substring(at, Math.Min(random.Next(0, 30), text.Length - at))),
            _ => text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\\\n"),
        };
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
