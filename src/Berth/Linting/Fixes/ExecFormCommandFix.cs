using System.Text;
using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>
/// CMD or ENTRYPOINT in shell form whose command uses no shell syntax (no <c>$</c>, quotes, escapes, <c>&amp;&amp;</c>, <c>|</c>,
/// <c>;</c>, redirections, globs, comments) becomes a JSON array, so the process runs as PID 1 and gets signals. Skipped when the
/// meaning would change: a CMD in a stage with an ENTRYPOINT (the CMD would become the entrypoint's arguments word by word), an
/// ENTRYPOINT in a stage with a CMD (shell form ignores CMD; exec form would append it), a SHELL instruction in the stage, or
/// a command split over several lines. It assumes an external base image's ENTRYPOINT, if any, runs its arguments as a
/// command (as the official images' entrypoint scripts do); a stage FROM an earlier stage is checked through that stage.
/// </summary>
public sealed class ExecFormCommandFix : SafeFix
{
    private const string ShellSyntax = "$'\"\\`&|;<>*?[]{}()~#!\t";

    public override string Name => "exec-form-command";

    public override string Description => "rewrote the shell-form command as a JSON array (exec form)";

    public override string? Rewrite(Instruction instruction, DockerfileDocument document)
    {
        var command = instruction switch
        {
            CmdInstruction cmd => cmd.Command,
            EntrypointInstruction entrypoint => entrypoint.Command,
            _ => null,
        };
        if (command is null || command.IsExecForm || instruction.Span.StartLine != instruction.Span.EndLine)
            return null;
        var words = command.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].Contains('=') || command.Text.IndexOfAny(ShellSyntax.ToCharArray()) >= 0 || words.Any(w => w.Any(char.IsControl)))
            return null;
        var stages = document.Stages;
        var stage = stages.LastOrDefault(s => s.From.Span.Start <= instruction.Span.Start);
        if (stage is null)
            return null;
        var inherited = Lineage(stage, stages).SelectMany(s => s.Instructions).ToList();
        if (inherited.Any(i => i.Kind == InstructionKind.Shell))
            return null;
        var other = instruction.Kind == InstructionKind.Cmd ? InstructionKind.Entrypoint : InstructionKind.Cmd;
        if (inherited.Any(i => i.Kind == other))
            return null;
        var json = new StringBuilder("[");
        json.AppendJoin(", ", words.Select(w => "\"" + w + "\""));
        json.Append(']');
        var start = command.Span.Start - instruction.Span.Start;
        var end = command.Span.End - instruction.Span.Start;
        return string.Concat(instruction.Text.AsSpan(0, start), json.ToString(), instruction.Text.AsSpan(end));
    }

    /// <summary>The stage and the earlier stages it is built FROM, nearest first.</summary>
    private static IEnumerable<DockerfileStage> Lineage(DockerfileStage stage, IReadOnlyList<DockerfileStage> stages)
    {
        for (DockerfileStage? current = stage; current is not null;)
        {
            yield return current;
            var parent = current.From.Image?.Text;
            current = parent is null ? null : stages.LastOrDefault(s => s.Index < current.Index && string.Equals(s.Name, parent, StringComparison.OrdinalIgnoreCase));
        }
    }
}
