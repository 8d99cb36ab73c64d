using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF511: instruction keywords do not all share one casing; the majority (uppercase on a tie) sets the style.</summary>
public sealed class InconsistentInstructionCasing : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF511", "inconsistent-instruction-casing", Severity.Info,
        "An instruction keyword is cased differently from the rest of the file", ["ConsistentInstructionCasing"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var instructions = context.Document.Instructions.Where(i => i.Kind != InstructionKind.Unknown).ToList();
        var lower = instructions.Count(i => ImageText.IsLower(i.Keyword));
        var upper = instructions.Count(i => ImageText.IsUpper(i.Keyword));
        var useLower = lower > upper;
        foreach (var instruction in instructions)
        {
            var keyword = instruction.Keyword;
            if (useLower ? ImageText.IsLower(keyword) : ImageText.IsUpper(keyword))
                continue;
            var wanted = useLower ? keyword.ToLowerInvariant() : keyword.ToUpperInvariant();
            findings.Add(At(context, instruction.Syntax.KeywordSpan, $"'{keyword}' does not match the file's {(useLower ? "lowercase" : "uppercase")} instructions", wanted));
        }
    }
}
