using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF523: a label the label schema declares as rfc3339 has a value that is not an RFC 3339 date-time.</summary>
public sealed class LabelNotRfc3339 : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF523", "label-not-rfc3339", Severity.Warning,
        "A label the label schema declares as rfc3339 is not an RFC 3339 date-time", ["DL3053"]);

    protected override LabelFormat Format => LabelFormat.Rfc3339;

    protected override string Expected => "an RFC 3339 date-time";

    protected override string Example => "2025-01-31T09:30:00Z";
}
