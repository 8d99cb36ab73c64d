using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF524: a label the label schema declares as spdx has a value that is not an SPDX license expression.</summary>
public sealed class LabelNotSpdx : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF524", "label-not-spdx", Severity.Warning,
        "A label the label schema declares as spdx is not an SPDX license identifier or expression", ["DL3054"]);

    protected override LabelFormat Format => LabelFormat.Spdx;

    protected override string Expected => "an SPDX license expression";

    protected override string Example => "Apache-2.0";
}
