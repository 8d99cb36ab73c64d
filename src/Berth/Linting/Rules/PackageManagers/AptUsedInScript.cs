namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF207: <c>apt</c> in a RUN: its command line interface is not stable for scripts; use apt-get / apt-cache.</summary>
public sealed class AptUsedInScript : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF207", "apt-used-in-script", Severity.Warning,
        "apt (the interactive front end) in a RUN instead of apt-get or apt-cache", ["DL3027", "CKV_DOCKER_9"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "apt" || command.Executable is not { } executable)
                continue;
            var sub = Apt.Subcommand(command)?.Value;
            findings.Add(At(context, executable.Span, "apt warns that its command line interface is not stable in scripts",
                sub is "search" or "show" or "policy" ? "Use apt-cache" : "Use apt-get"));
        }
    }
}
