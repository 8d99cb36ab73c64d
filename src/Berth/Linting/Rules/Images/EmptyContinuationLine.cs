namespace Berth.Linting.Rules.Images;

/// <summary>BDF516: an empty line inside a continued instruction: Docker skips it today and will make it an error.</summary>
public sealed class EmptyContinuationLine : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF516", "empty-continuation-line", Severity.Warning,
        "An empty line inside a continued instruction", ["NoEmptyContinuation"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            foreach (var line in instruction.Syntax.EmptyContinuationLines)
                findings.Add(At(context, line, $"empty line inside {instruction.Keyword} (line {instruction.Span.StartLine}): it will be an error in a future Dockerfile syntax",
                    "Remove the empty line, or put a comment on it"));
        }
    }
}
