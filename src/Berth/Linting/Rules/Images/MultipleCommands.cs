using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF506: more than one CMD or ENTRYPOINT in a stage: only the last of each applies, the others are dead text.</summary>
public sealed class MultipleCommands : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF506", "multiple-cmd-or-entrypoint", Severity.Warning,
        "A stage has more than one CMD or ENTRYPOINT; only the last applies", ["DL4003", "DL4004", "MultipleInstructionsDisallowed"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            foreach (var kind in new[] { InstructionKind.Cmd, InstructionKind.Entrypoint })
            {
                var all = stage.Instructions.Where(i => i.Kind == kind).ToList();
                foreach (var ignored in all.Take(all.Count - 1))
                    findings.Add(At(context, ignored.Syntax.KeywordSpan, $"this {ignored.Keyword} is replaced by the one on line {all[^1].Span.StartLine}", "Remove it"));
            }
        }
    }
}
