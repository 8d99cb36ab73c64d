namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF521: a label the label schema lists is set to an empty value (after ARG/ENV expansion; unset variables are left alone).</summary>
public sealed class EmptyLabel : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF521", "empty-label", Severity.Warning,
        "A label the label schema lists is set to an empty value", ["DL3051"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var schema = context.Configuration.LabelSchema;
        if (schema.Count == 0)
            return;
        foreach (var label in StageLabels.All(context))
        {
            if (schema.ContainsKey(label.Pair.Key) && label.Value is { Length: 0 })
                findings.Add(At(context, label.Pair.Span, $"label {label.Pair.Key} is empty", $"Give {label.Pair.Key} a value, or remove it"));
        }
    }
}
