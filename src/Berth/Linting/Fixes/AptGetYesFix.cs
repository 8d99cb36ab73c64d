using Berth.Dockerfiles;
using Berth.Linting.Rules.PackageManagers;

namespace Berth.Linting.Fixes;

/// <summary>
/// <c>apt-get install</c> without <c>-y</c> (BDF205, hadolint DL3014): adds <c>-y</c> right after <c>install</c>. The build could not answer the
/// prompt anyway, so the only change is that it no longer aborts. Left alone when an earlier RUN configures APT::Get::Assume-Yes.
/// </summary>
public sealed class AptGetYesFix : SafeFix
{
    public override string Name => "apt-get-yes";

    public override string Description => "added -y to apt-get install";

    public override string? Rewrite(Instruction instruction, DockerfileDocument document)
    {
        if (instruction is not RunInstruction run || ConfiguredEarlier(run, document))
            return null;
        var insertions = TopLevelCommands(run)
            .Where(c => c.Name is "apt-get" or "apt" && !AptGetInstallWithoutYes.AnswersYes(c))
            .Select(Apt.Subcommand)
            .Where(verb => verb is { Value: "install", IsQuoted: false })
            .Select(verb => (verb!.Span.End, " -y"))
            .ToList();
        return insertions.Count == 0 ? null : Insert(instruction, insertions);
    }

    private static bool ConfiguredEarlier(RunInstruction run, DockerfileDocument document) =>
        document.Instructions.TakeWhile(i => i.Span.Start < run.Span.Start)
            .Any(i => i is RunInstruction && i.Text.Contains("APT::Get::Assume-Yes", StringComparison.OrdinalIgnoreCase));
}
