using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF526: a label the label schema declares as semver has a value that is not a semantic version.</summary>
public sealed class LabelNotSemver : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF526", "label-not-semver", Severity.Warning,
        "A label the label schema declares as semver is not a semantic version", ["DL3056"]);

    protected override LabelFormat Format => LabelFormat.Semver;

    protected override string Expected => "a semantic version";

    protected override string Example => "1.4.2";
}
