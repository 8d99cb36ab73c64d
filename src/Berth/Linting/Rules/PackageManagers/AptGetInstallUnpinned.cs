namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF203: <c>apt-get install curl</c> without <c>curl=&lt;version&gt;</c>, in a stage that reaches the final image. Info: Debian pins break builds when the archive moves on.</summary>
public sealed class AptGetInstallUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF203", "apt-get-install-unpinned", Severity.Info,
        "apt-get install of a package without a version, in a stage that reaches the final image", ["DL3008"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var run in RunCommands.All(context))
        {
            var command = run.Command;
            if (!RunCommands.Ships(shipped, run) || !Apt.Is(command, "install"))
                continue;
            var unpinned = Apt.Packages(command).Where(static p => !IsPinnedOrLocal(p.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, "apt-get installs", " without a version: the image changes whenever the archive does",
                static name => $"{name}=<version>", UnpinnedPackages.DistroFix);
        }
    }

    private static bool IsPinnedOrLocal(string name) =>
        name.Contains('=', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.EndsWith(".deb", StringComparison.Ordinal) || name.Contains('$', StringComparison.Ordinal);
}
