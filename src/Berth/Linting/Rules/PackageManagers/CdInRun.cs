namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF228: <c>cd</c> in a RUN to change the working directory for the commands after it; <c>( cd x &amp;&amp; make )</c> subshells are not flagged.</summary>
public sealed class CdInRun : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF228", "cd-in-run", Severity.Warning,
        "cd in a RUN where WORKDIR would say it once for every later instruction", ["DL3003", "DS-0013"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name == "cd" && command.Depth == 0 && command.Executable is { } cd)
            {
                var target = command.PositionalArguments.FirstOrDefault()?.Value;
                findings.Add(At(context, cd.Span, "cd only lasts until the end of this RUN; later instructions start in the WORKDIR again",
                    target is null ? "Use WORKDIR" : $"Use WORKDIR {target}"));
            }
        }
    }
}
