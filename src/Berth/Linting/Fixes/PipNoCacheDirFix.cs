using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>
/// <c>pip install</c> without <c>--no-cache-dir</c>: adds the flag after <c>install</c>. Skipped when the RUN has a cache mount
/// (the cache is then meant to be kept, outside the image) or sets <c>PIP_NO_CACHE_DIR</c>.
/// </summary>
public sealed class PipNoCacheDirFix : SafeFix
{
    private static readonly string[] Pips = ["pip", "pip3"];

    public override string Name => "pip-no-cache-dir";

    public override string Description => "added --no-cache-dir to pip install";

    public override string? Rewrite(Instruction instruction, DockerfileDocument document)
    {
        if (instruction is not RunInstruction run || run.Mounts().Any(m => m.Type == "cache"))
            return null;
        var insertions = TopLevelCommands(run)
            .Where(c => !c.Assignments.Any(a => a.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal)))
            .Where(c => !c.HasArgument("--no-cache-dir"))
            .Select(InstallVerb)
            .OfType<ShellWord>()
            .Select(verb => (verb.Span.End, " --no-cache-dir"))
            .ToList();
        return insertions.Count == 0 ? null : Insert(instruction, insertions);
    }

    /// <summary>The unquoted <c>install</c> of <c>pip install</c>, <c>pip3 install</c> or <c>python -m pip install</c>.</summary>
    private static ShellWord? InstallVerb(ShellCommand command)
    {
        var words = command.Arguments;
        var start = -1;
        if (command.Name is { } name && Pips.Contains(name))
            start = 0;
        else if (command.Name is { } python && python.StartsWith("python", StringComparison.Ordinal))
        {
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i].Value == "-m" && Pips.Contains(words[i + 1].Value))
                {
                    start = i + 2;
                    break;
                }
            }
        }
        if (start < 0)
            return null;
        var verb = words.Skip(start).FirstOrDefault(w => !w.Value.StartsWith('-'));
        return verb is { Value: "install", IsQuoted: false } ? verb : null;
    }
}
