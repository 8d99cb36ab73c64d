namespace Berth.Linting.Rules.Dockerfile;

/// <summary>BDF001: what the parser could not read (unknown instruction, missing argument, unterminated heredoc...).</summary>
public sealed class SyntaxError : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF001", "dockerfile-syntax-error", Severity.Error,
        "A line the Dockerfile parser cannot read as an instruction", ["DL1000", "DL3043", "BuildKit:parse"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var diagnostic in context.Document.Diagnostics)
            findings.Add(At(context, diagnostic.Span, $"{diagnostic.Message} ({diagnostic.Code})"));
    }
}
