namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF219: zypper install of a package without a version, in a stage that reaches the final image. Info: distributions drop old versions, so pins break builds.</summary>
public sealed class ZypperInstallUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF219", "zypper-install-unpinned", Severity.Info,
        "zypper install of a package without a version, in a stage that reaches the final image.", ["DL3037"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var install in PackageCommands.Find(context, ["zypper"], ["install", "in"], PackageCommands.ZypperOptionsWithValue).Where(i => shipped.Contains(i.Stage)))
        {
            foreach (var package in install.Packages(PackageCommands.ZypperOptionsWithValue))
            {
                var name = package.Value;
                if (name.IndexOfAny(['=', '<', '>']) >= 0 || PackageCommands.IsNotAName(name, ".rpm"))
                    continue;
                findings.Add(At(context, package.Span, $"'{install.Command.Name}' installs '{name}' without a version", $"Pin it ({name}=<version>) if you need byte-for-byte rebuilds; pin the base image by digest first"));
            }
        }
    }
}
