using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>
/// A fix that cannot change what the image does beyond the thing it is named for. Keyed by what it fixes, not by a rule ID.
/// <see cref="Rewrite"/> returns the new text of the whole instruction (its span), or null when there is nothing to do.
/// </summary>
public abstract class SafeFix
{
    /// <summary>Kebab-case name, e.g. <c>apt-no-install-recommends</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the fix did, as printed after it is applied.</summary>
    public abstract string Description { get; }

    public abstract string? Rewrite(Instruction instruction, DockerfileDocument document);

    /// <summary>The instruction's text with each (document offset, text) insertion made; insertions are applied last first.</summary>
    protected static string Insert(Instruction instruction, IEnumerable<(int Offset, string Text)> insertions)
    {
        var text = instruction.Text;
        foreach (var (offset, inserted) in insertions.OrderByDescending(i => i.Offset))
            text = text.Insert(offset - instruction.Span.Start, inserted);
        return text;
    }

    /// <summary>Every simple command a RUN executes, heredoc bodies and <c>sh -c '...'</c> bodies excluded (their quoting is not ours to touch).</summary>
    protected static IEnumerable<ShellCommand> TopLevelCommands(RunInstruction run) =>
        run.Command.IsExecForm ? [] : run.Command.ShellCommands().Commands;
}
