using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF232: a RUN right after another RUN with the same flags, both one plain command (no heredoc): consider joining them. A RUN that
/// already chains commands (<c>a &amp;&amp; b</c>, <c>a; b</c>) tells that the split is deliberate, as hadolint's DL3059 reads it.
/// </summary>
public sealed class ConsecutiveRun : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF232", "consecutive-run", Severity.Info,
        "two short RUN instructions in a row with the same flags could be one layer", ["DL3059"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            RunInstruction? previous = null;
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is not RunInstruction run)
                {
                    previous = null;
                    continue;
                }
                if (previous is not null && IsShort(previous) && IsShort(run) && SameFlags(previous, run))
                    findings.Add(At(context, run.Span, $"this RUN directly follows the RUN on line {previous.Span.StartLine} with the same flags", "Join them with && into one RUN (one layer, one cache entry)"));
                previous = run;
            }
        }
    }

    private static bool IsShort(RunInstruction run) => run.Heredocs.Count == 0 && !run.Command.IsExecForm && run.Scripts()[0].Commands.Count == 1;

    private static bool SameFlags(RunInstruction a, RunInstruction b) =>
        a.Flags.Select(f => f.Name + "=" + f.Value).SequenceEqual(b.Flags.Select(f => f.Name + "=" + f.Value));
}
