namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF244: <c>apt-get update</c> or <c>apk update</c> in a RUN that installs nothing: the cached layer keeps a stale index for later RUNs.</summary>
public sealed class PackageIndexUpdateAlone : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF244", "package-index-update-alone", Severity.Warning,
        "apt-get update or apk update in a RUN that installs nothing: later installs use a stale cached index", ["DS-0017", "CKV_DOCKER_5"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var run in context.Document.Instructions.OfType<Dockerfiles.RunInstruction>())
        {
            var commands = RunCommands.Of(run);
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                var update = command.Name == "apk" ? RunCommands.FirstOperand(command, PackageCommands.ApkOptionsWithValue) : Apt.IsApt(command) ? Apt.Subcommand(command) : null;
                if (update?.Value != "update")
                    continue;
                var installsLater = commands.Skip(i + 1).Any(c =>
                    (Apt.IsApt(c) && Apt.Subcommand(c)?.Value is "install" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "source")
                    || (c.Name == "apk" && RunCommands.FirstOperand(c, PackageCommands.ApkOptionsWithValue)?.Value is "add" or "upgrade"));
                if (!installsLater)
                    findings.Add(At(context, update.Span, $"'{command.Name} update' alone: its layer is cached, so a later install in another RUN can use an index weeks old (and 404 on removed packages)",
                        $"Run '{command.Name} update' in the same RUN as the install that needs it"));
            }
        }
    }
}
