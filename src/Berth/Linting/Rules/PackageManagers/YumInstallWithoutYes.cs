namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF213: yum install without -y waits for an answer a build cannot give</summary>
public sealed class YumInstallWithoutYes : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF213", "yum-install-without-yes", Severity.Warning,
        "yum install without -y waits for an answer a build cannot give", ["DL3030"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.Find(context, ["yum"], PackageCommands.RpmInstallSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            if (RunCommands.HasOption(install.Command, ["--assumeyes", "--yes"], "y") || RunCommands.ConfiguredEarlier(context, install.Run, "assumeyes=1", "assumeyes=true"))
                continue;
            findings.Add(At(context, install.Subcommand.Span, $"'{install.Command.Name} {install.Subcommand.Value}' without -y stops at the confirmation prompt", "Add -y"));
        }
    }
}
