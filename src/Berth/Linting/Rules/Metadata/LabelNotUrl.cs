using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF522: a label the label schema declares as url has a value that is not an absolute URL.</summary>
public sealed class LabelNotUrl : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF522", "label-not-url", Severity.Warning,
        "A label the label schema declares as url is not an absolute URL", ["DL3052"]);

    protected override LabelFormat Format => LabelFormat.Url;

    protected override string Expected => "an absolute URL";

    protected override string Example => "https://github.com/acme/shop";
}
