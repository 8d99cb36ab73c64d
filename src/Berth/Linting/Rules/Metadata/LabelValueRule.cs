using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>
/// The shape of the label-value rules (BDF522–BDF527): for each label the schema gives this rule's format, every non-empty value
/// that breaks the format is a finding on the value. Values whose variables have no value at lint time are left alone.
/// </summary>
public abstract class LabelValueRule : DockerfileRule
{
    /// <summary>The schema format this rule checks.</summary>
    protected abstract LabelFormat Format { get; }

    /// <summary>What a valid value is, for the message: "a URL".</summary>
    protected abstract string Expected { get; }

    /// <summary>An example of a valid value, for the fix hint.</summary>
    protected abstract string Example { get; }

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var schema = context.Configuration.LabelSchema;
        if (!schema.Values.Contains(Format))
            return;
        foreach (var label in StageLabels.All(context))
        {
            if (!schema.TryGetValue(label.Pair.Key, out var format) || format != Format || label.Value is not { Length: > 0 } value)
                continue;
            if (!LabelValues.IsValid(Format, value))
                findings.Add(At(context, label.Pair.ValueSpan, $"label {label.Pair.Key} should be {Expected} (the label schema says {LabelFormats.Name(Format)}), not '{TextClip.Shorten(value, 60, "...")}'",
                    $"Set it to {Expected}, e.g. {label.Pair.Key}={Example}"));
        }
    }
}
