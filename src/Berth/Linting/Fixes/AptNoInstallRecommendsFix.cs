using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary><c>apt-get install</c> without <c>--no-install-recommends</c>: adds the flag right after <c>install</c>.</summary>
public sealed class AptNoInstallRecommendsFix : SafeFix
{
    public override string Name => "apt-no-install-recommends";

    public override string Description => "added --no-install-recommends to apt-get install";

    public override string? Rewrite(Instruction instruction, DockerfileDocument document)
    {
        if (instruction is not RunInstruction run)
            return null;
        var insertions = TopLevelCommands(run)
            .Where(c => c.Name is "apt-get" or "apt")
            .Where(c => !c.Arguments.Any(a => a.Value == "--no-install-recommends" || a.Value.Contains("Install-Recommends", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.PositionalArguments.FirstOrDefault())
            .Where(verb => verb is { Value: "install", IsQuoted: false })
            .Select(verb => (verb!.Span.End, " --no-install-recommends"))
            .ToList();
        return insertions.Count == 0 ? null : Insert(instruction, insertions);
    }
}
