namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF520: with strict labels on, a LABEL sets a key the label schema does not list.</summary>
public sealed class SuperfluousLabel : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF520", "superfluous-label", Severity.Info,
        "With strict labels on, a label the label schema does not list", ["DL3050"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Configuration.StrictLabels != true)
            return;
        var schema = context.Configuration.LabelSchema;
        foreach (var label in StageLabels.All(context))
        {
            if (!schema.ContainsKey(label.Pair.Key))
                findings.Add(At(context, label.Pair.KeySpan, $"label {label.Pair.Key} is not in the label schema, and strict labels are on",
                    "Remove the label, or add it to the label schema"));
        }
    }
}
