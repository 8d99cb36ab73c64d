namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF229: <c>sudo</c> in a RUN: unpredictable TTY and signal handling; switch with USER, or gosu/su-exec at run time.</summary>
public sealed class SudoInRun : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF229", "sudo-in-run", Severity.Error,
        "sudo in a RUN instead of USER (or gosu / su-exec)", ["DL3004", "DS-0010", "CKV2_DOCKER_1"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name == "sudo" && command.Executable is { } sudo)
                findings.Add(At(context, sudo.Span, "sudo in a build: it needs a sudoers entry, a TTY setting and leaves root-escalation tooling in the image", "Switch users with USER root / USER app around the step"));
        }
    }
}
