namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF220: dnf or microdnf install without -y waits for an answer a build cannot give</summary>
public sealed class DnfInstallWithoutYes : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF220", "dnf-install-without-yes", Severity.Warning,
        "dnf or microdnf install without -y waits for an answer a build cannot give", ["DL3038"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.Find(context, PackageCommands.DnfTools, PackageCommands.RpmInstallSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            if (RunCommands.HasOption(install.Command, ["--assumeyes", "--yes"], "y") || RunCommands.ConfiguredEarlier(context, install.Run, "assumeyes=1", "assumeyes=true"))
                continue;
            findings.Add(At(context, install.Subcommand.Span, $"'{install.Command.Name} {install.Subcommand.Value}' without -y stops at the confirmation prompt", "Add -y"));
        }
    }
}
