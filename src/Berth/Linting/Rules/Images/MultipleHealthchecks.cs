using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF505: more than one HEALTHCHECK in a stage: only the last one counts.</summary>
public sealed class MultipleHealthchecks : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF505", "multiple-healthchecks", Severity.Warning,
        "A stage has more than one HEALTHCHECK; only the last applies", ["DL3012", "MultipleInstructionsDisallowed", "DS023"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            var checks = stage.Instructions.OfType<HealthcheckInstruction>().ToList();
            foreach (var ignored in checks.Take(checks.Count - 1))
                findings.Add(At(context, ignored.Syntax.KeywordSpan, $"this HEALTHCHECK is replaced by the one on line {checks[^1].Span.StartLine}", "Remove it"));
        }
    }
}
