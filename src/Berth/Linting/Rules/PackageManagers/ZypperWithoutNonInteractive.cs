namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF216: zypper install/remove/patch without <c>-n</c>, <c>--non-interactive</c>, <c>-y</c> or <c>--no-confirm</c>.</summary>
public sealed class ZypperWithoutNonInteractive : DockerfileRule
{
    /// <summary>The zypper subcommands that ask for a confirmation.</summary>
    private static readonly string[] Subcommands = ["install", "in", "remove", "rm", "source-install", "si", "patch", "update", "up", "dist-upgrade", "dup"];

    public override RuleInfo Info { get; } = new("BDF216", "zypper-without-non-interactive", Severity.Warning,
        "zypper without -n / --non-interactive waits for an answer a build cannot give", ["DL3034"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var use in PackageCommands.Find(context, ["zypper"], Subcommands, PackageCommands.ZypperOptionsWithValue))
        {
            if (RunCommands.HasOption(use.Command, ["--non-interactive", "--no-confirm", "--yes"], "ny"))
                continue;
            findings.Add(At(context, use.Subcommand.Span, $"'zypper {use.Subcommand.Value}' without -n stops at the confirmation prompt", "Use zypper -n (or zypper --non-interactive)"));
        }
    }
}
