namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF206: <c>apt-get install</c> without <c>--no-install-recommends</c>: recommended packages double the layer.</summary>
public sealed class AptGetInstallRecommends : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF206", "apt-get-install-recommends", Severity.Info,
        "apt-get install without --no-install-recommends pulls in recommended packages", ["DL3015", "DS-0029"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, run, command) in RunCommands.All(context))
        {
            if (command.Name is not ("apt-get" or "apt") || Apt.Subcommand(command) is not { Value: "install" } install
                || RunCommands.ConfiguredEarlier(context, run, "APT::Install-Recommends"))
                continue;
            if (RunCommands.HasOption(command, ["--no-install-recommends"])
                || Apt.ConfigOptions(command).Any(o => o.StartsWith("APT::Install-Recommends=", StringComparison.OrdinalIgnoreCase) && o.Split('=', 2)[1].Trim().ToLowerInvariant() is "false" or "0" or "no" or "off"))
                continue;
            findings.Add(At(context, install.Span, $"'{command.Name} install' also installs every recommended package", "Add --no-install-recommends"));
        }
    }
}
