using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF527: a label the label schema declares as email has a value that is not an email address.</summary>
public sealed class LabelNotEmail : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF527", "label-not-email", Severity.Warning,
        "A label the label schema declares as email is not an email address", ["DL3058"]);

    protected override LabelFormat Format => LabelFormat.Email;

    protected override string Expected => "an email address";

    protected override string Example => "team@example.com";
}
