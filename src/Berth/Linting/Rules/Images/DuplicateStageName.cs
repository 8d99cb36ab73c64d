namespace Berth.Linting.Rules.Images;

/// <summary>BDF109: two stages share a name (compared case-insensitively, as BuildKit does): the build fails.</summary>
public sealed class DuplicateStageName : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF109", "duplicate-stage-name", Severity.Error,
        "Two stages have the same name", ["DL3024", "DuplicateStageName", "DS012"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.StageName is not { } name || stage.From.NormalizedStageName is not { } normalized)
                continue;
            if (seen.TryGetValue(normalized, out var first))
                findings.Add(At(context, name.Span, $"stage name {name.Value} is already used by stage {first} (line {context.Document.Stages[first].From.Span.StartLine})",
                    $"Rename this stage, e.g. {normalized}-{stage.Index}"));
            else
                seen[normalized] = stage.Index;
        }
    }
}
