namespace Berth.Linting.Rules.Images;

/// <summary>BDF111: a stage name with capitals; BuildKit compares names case-insensitively, so mixed casing only misleads.</summary>
public sealed class StageNameCasing : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF111", "uppercase-stage-name", Severity.Info,
        "A stage name is not lowercase", ["StageNameCasing"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.StageName is { } name && !ImageText.IsLower(name.Value))
                findings.Add(At(context, name.Span, $"stage name {name.Value} should be lowercase", name.Value.ToLowerInvariant()));
        }
    }
}
