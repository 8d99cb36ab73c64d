namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF234: <c>ln -sf /bin/bash /bin/sh</c>: replacing /bin/sh changes every script in the image; SHELL changes only the RUNs.</summary>
public sealed class BinShRelinked : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF234", "bin-sh-relinked", Severity.Warning,
        "ln over /bin/sh to change the shell instead of the SHELL instruction", ["DL4005"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name == "ln" && command.PositionalArguments.LastOrDefault() is { Value: "/bin/sh" or "/usr/bin/sh" } target)
                findings.Add(At(context, target.Span, "relinking /bin/sh changes the shell of every script and package hook in the image", "Use SHELL [\"/bin/bash\", \"-c\"] for the RUN instructions that need bash"));
        }
    }
}
