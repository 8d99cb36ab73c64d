namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF222: dnf or microdnf install of a package without a version, in a stage that reaches the final image. Info: distributions drop old versions, so pins break builds.</summary>
public sealed class DnfInstallUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF222", "dnf-install-unpinned", Severity.Info,
        "dnf or microdnf install of a package without a version, in a stage that reaches the final image.", ["DL3041"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, PackageCommands.DnfTools, PackageCommands.RpmInstallSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            var unpinned = install.Packages(PackageCommands.RpmOptionsWithValue).Where(p => !install.IsPinnedOrNotAName(p.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, $"'{install.Command.Name}' installs", " without a version",
                static name => $"{name}-<version>", UnpinnedPackages.DistroFix);
        }
    }
}
