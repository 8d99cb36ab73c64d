using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF113: an instruction other than ARG before the first FROM: Docker refuses it.</summary>
public sealed class InstructionBeforeFrom : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF113", "instruction-before-from", Severity.Error,
        "An instruction other than ARG comes before the first FROM", ["DL3061"]);

    public override IEnumerable<Finding> Check(DockerfileLintContext context)
    {
        if (!context.Document.Instructions.Any(i => i is FromInstruction))
            yield break;
        foreach (var instruction in context.Document.GlobalInstructions)
        {
            if (instruction is not ArgInstruction and not UnknownInstruction)
                yield return At(context, instruction.Syntax.KeywordSpan, $"{instruction.Keyword} before the first FROM: only ARG may come first",
                    "Move it below the FROM of the stage it belongs to");
        }
    }
}
