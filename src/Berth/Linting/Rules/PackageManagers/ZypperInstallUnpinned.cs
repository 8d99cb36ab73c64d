namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF219: zypper install of a package without a version, in a stage that reaches the final image. Info: distributions drop old versions, so pins break builds.</summary>
public sealed class ZypperInstallUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF219", "zypper-install-unpinned", Severity.Info,
        "zypper install of a package without a version, in a stage that reaches the final image.", ["DL3037"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, ["zypper"], ["install", "in"], PackageCommands.ZypperOptionsWithValue))
        {
            var unpinned = install.Packages(PackageCommands.ZypperOptionsWithValue).Where(static p => p.Value.IndexOfAny(['=', '<', '>']) < 0 && !PackageCommands.IsNotAName(p.Value, ".rpm")).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, $"'{install.Command.Name}' installs", " without a version",
                static name => $"{name}=<version>", UnpinnedPackages.DistroFix);
        }
    }
}
