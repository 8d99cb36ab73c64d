using System.Text;
using Berth.Dockerfiles;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting;

/// <summary>
/// berth lint over the real Dockerfiles gathered by bench/dockerfile-corpus/collect.sh (bench/corpus is not committed): no rule throws,
/// and what rules share per file (the RUN command list, each command's name and sh -c body) gives each rule the same findings as
/// when it runs alone on a fresh parse.
/// </summary>
public sealed class CorpusLintTests(ITestOutputHelper output)
{
    [Fact]
    public void Rules_find_the_same_together_as_alone_on_every_corpus_file()
    {
        var corpus = Path.Combine(RepoPaths.Root, "bench", "corpus");
        if (!Directory.Exists(corpus))
            Assert.Skip("bench/corpus is absent; run bench/dockerfile-corpus/collect.sh to gather it");
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var total = 0;
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            var together = DockerfileLinter.Lint(file, text).Select(Key).ToList();
            var document = DockerfileParser.Parse(file, text);
            var suppressions = Suppressions.Read(document, RuleCatalog.All);
            var alone = RuleCatalog.Dockerfile
                .SelectMany(rule => rule.Check(new DockerfileLintContext(file, DockerfileParser.Parse(file, text), null)))
                .Where(f => !suppressions.Suppresses(f))
                .Distinct()
                .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)
                .Select(Key).ToList();
            Assert.True(together.SequenceEqual(alone), $"{Path.GetRelativePath(corpus, file)}: together\n{string.Join('\n', together)}\nalone\n{string.Join('\n', alone)}");
            total += together.Count;
        }
        output.WriteLine($"{files.Count} corpus files linted; {total} findings");
    }

    private static string Key(Finding f) => $"{f.Line}:{f.Column}-{f.EndLine}:{f.EndColumn} {f.Rule} {f.Message} | {f.Fix}";
}
