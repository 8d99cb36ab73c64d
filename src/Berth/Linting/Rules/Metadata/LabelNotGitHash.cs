using Berth.Linting.Labels;

namespace Berth.Linting.Rules.Metadata;

/// <summary>BDF525: a label the label schema declares as hash has a value that is not a git commit hash.</summary>
public sealed class LabelNotGitHash : LabelValueRule
{
    public override RuleInfo Info { get; } = new("BDF525", "label-not-git-hash", Severity.Warning,
        "A label the label schema declares as hash is not a git commit hash", ["DL3055"]);

    protected override LabelFormat Format => LabelFormat.Hash;

    protected override string Expected => "a git commit hash";

    protected override string Example => "4f9c2e1";
}
