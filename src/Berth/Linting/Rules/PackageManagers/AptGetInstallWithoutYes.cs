namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF205: <c>apt-get install</c> without <c>-y</c> (or <c>--yes</c>, <c>--assume-yes</c>, <c>-qq</c>): the build stops at the prompt.</summary>
public sealed class AptGetInstallWithoutYes : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF205", "apt-get-install-without-yes", Severity.Warning,
        "apt-get install without -y waits for an answer a build cannot give", ["DL3014", "DS-0021"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, run, command) in RunCommands.All(context))
        {
            if (command.Name is not ("apt-get" or "apt") || Apt.Subcommand(command) is not { Value: "install" } install || AnswersYes(command)
                || RunCommands.ConfiguredEarlier(context, run, "APT::Get::Assume-Yes"))
                continue;
            findings.Add(At(context, install.Span, $"'{command.Name} install' without -y aborts at the confirmation prompt", "Add -y"));
        }
    }

    /// <summary>Whether the command already answers the prompt (-y, --yes, -qq, --quiet --quiet, -o APT::Get::Assume-Yes=true…); the -y fix asks the same.</summary>
    internal static bool AnswersYes(Dockerfiles.ShellCommand command)
    {
        if (RunCommands.HasOption(command, ["--yes", "--assume-yes", "--force-yes"], "y") || command.Arguments.Any(a => a.Value is "-qq" or "-q=2" or "--quiet=2"))
            return true;
        if (command.Arguments.Count(a => a.Value is "-q" or "--quiet") >= 2) // quiet level 2 implies -y
            return true;
        return Apt.ConfigOptions(command).Any(o => o.StartsWith("APT::Get::Assume-Yes=", StringComparison.OrdinalIgnoreCase) && RunCommands.IsTruthy(o.Split('=', 2)[1]));
    }
}
