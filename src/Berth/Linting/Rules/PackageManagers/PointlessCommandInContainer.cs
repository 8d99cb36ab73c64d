namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF227: commands that make no sense in an image build: ssh, vim, shutdown, service, ps, free, top, kill, mount.</summary>
public sealed class PointlessCommandInContainer : DockerfileRule
{
    private static readonly string[] Pointless = ["ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount"];

    public override RuleInfo Info { get; } = new("BDF227", "pointless-command-in-container", Severity.Info,
        "a RUN uses a command that has no effect or no use in an image build (ssh, vim, service, ps, kill…)", ["DL3001"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name is { } name && Array.IndexOf(Pointless, name) >= 0 && command.Executable is { } executable)
            {
                findings.Add(At(context, executable.Span, $"'{name}' in a RUN does nothing useful: the build has no terminal, no init system and no processes that outlive the step",
                    name == "service" ? "Start the process with CMD/ENTRYPOINT instead" : "Remove it"));
            }
        }
    }
}
