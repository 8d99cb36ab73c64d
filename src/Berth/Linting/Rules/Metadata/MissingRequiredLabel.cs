namespace Berth.Linting.Rules.Metadata;

/// <summary>
/// BDF519: a label the label schema requires is missing from the final image: no LABEL in the final stage or the stages it builds on
/// (FROM another stage) sets it. Labels of other stages do not reach the image, and labels from the base image are not known.
/// </summary>
public sealed class MissingRequiredLabel : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF519", "missing-required-label", Severity.Info,
        "A label the label schema requires is not set on the final image", ["DL3049"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var schema = context.Configuration.LabelSchema;
        if (schema.Count == 0 || context.Final is not { } final)
            return;
        var present = StageLabels.FinalKeys(context);
        foreach (var label in schema.Keys.Order(StringComparer.Ordinal))
        {
            if (!present.Contains(label))
                findings.Add(At(context, final.Stage.From.Span, $"the final image has no label {label}, which the label schema requires",
                    $"Add LABEL {label}=<value> to the final stage"));
        }
    }
}
