namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF215: yum install of a package without a version, in a stage that reaches the final image. Info: distributions drop old versions, so pins break builds.</summary>
public sealed class YumInstallUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF215", "yum-install-unpinned", Severity.Info,
        "yum install of a package without a version, in a stage that reaches the final image.", ["DL3033"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, ["yum"], PackageCommands.RpmInstallSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            var unpinned = install.Packages(PackageCommands.RpmOptionsWithValue).Where(p => !install.IsPinnedOrNotAName(p.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, $"'{install.Command.Name}' installs", " without a version",
                static name => $"{name}-<version>", UnpinnedPackages.DistroFix);
        }
    }
}
