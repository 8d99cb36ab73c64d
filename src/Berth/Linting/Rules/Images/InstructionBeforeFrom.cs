using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF113: an instruction other than ARG before the first FROM, or in a file with no FROM at all: Docker refuses it.</summary>
public sealed class InstructionBeforeFrom : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF113", "instruction-before-from", Severity.Error,
        "An instruction other than ARG comes before the first FROM", ["DL3061"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var hasFrom = context.Document.Instructions.Any(i => i is FromInstruction);
        foreach (var instruction in context.Document.GlobalInstructions)
        {
            if (instruction is ArgInstruction or UnknownInstruction)
                continue;
            findings.Add(hasFrom
                ? At(context, instruction.Syntax.KeywordSpan, $"{instruction.Keyword} before the first FROM: only ARG may come first",
                    "Move it below the FROM of the stage it belongs to")
                : At(context, instruction.Syntax.KeywordSpan, $"{instruction.Keyword} in a file with no FROM: Docker has no stage to apply it to",
                    "Start the file with the FROM of the image it builds on (a fragment included into another Dockerfile can ignore BDF113)"));
        }
    }
}
