namespace Berth.Linting.Rules.Images;

/// <summary>BDF110: a stage named scratch or context, names BuildKit reserves.</summary>
public sealed class ReservedStageName : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF110", "reserved-stage-name", Severity.Error,
        "A stage is named scratch or context, which are reserved", ["DL3063", "ReservedStageName"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From is { StageName: { } name, NormalizedStageName: "scratch" or "context" })
                findings.Add(At(context, name.Span, $"stage name {name.Value} is reserved", $"Rename the stage, e.g. {name.Value.ToLowerInvariant()}-stage"));
        }
    }
}
