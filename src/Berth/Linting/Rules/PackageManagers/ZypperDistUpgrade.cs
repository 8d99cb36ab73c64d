namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF217: <c>zypper dist-upgrade</c> / <c>zypper dup</c> in a RUN: it can move the image to another distribution release.</summary>
public sealed class ZypperDistUpgrade : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF217", "zypper-dist-upgrade", Severity.Warning,
        "zypper dist-upgrade in a RUN changes the base distribution under the image", ["DL3035"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var use in PackageCommands.Find(context, ["zypper"], ["dist-upgrade", "dup"], PackageCommands.ZypperOptionsWithValue))
            findings.Add(At(context, use.Subcommand.Span, "zypper dist-upgrade can replace the base image's distribution release during the build", "Use a newer base image tag instead; zypper patch applies security fixes"));
    }
}
