using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF235: a pipe in a RUN whose shell does not have <c>pipefail</c>: a failing <c>curl</c> in <c>curl … | tar x</c> does not fail the build.
/// Quiet after <c>SHELL ["/bin/bash", "-o", "pipefail", "-c"]</c> (or a non-POSIX SHELL), after <c>set -o pipefail</c>, and inside <c>bash -o pipefail -c '…'</c>.
/// </summary>
public sealed class PipeWithoutPipefail : DockerfileRule
{
    private static readonly string[] PipefailShells = ["bash", "zsh", "ash", "ksh", "mksh", "busybox"];
    private static readonly string[] PosixShells = ["sh", "dash", "bash", "zsh", "ash", "ksh", "mksh", "busybox"];

    public override RuleInfo Info { get; } = new("BDF235", "pipe-without-pipefail", Severity.Warning,
        "a RUN pipes commands without pipefail, so a failure before the last command is ignored", ["DL4006"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            // The SHELL in force for a RUN is the last one before it in the stages it builds on, then in its own stage.
            var shell = InheritedShell(context, stage.Stage.Index);
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is ShellInstruction s)
                    shell = s;
                if (instruction is not RunInstruction run)
                    continue;
                var pipefail = ShellHasPipefail(shell);
                foreach (var script in run.Scripts())
                {
                    foreach (var pipe in Pipes(script, pipefail))
                    {
                        findings.Add(At(context, pipe.Executable!.Span, $"'{pipe.Name} | …': without pipefail the RUN succeeds when {pipe.Name} fails",
                            "Add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN (or start the script with set -o pipefail under bash)"));
                    }
                }
            }
        }
    }

    /// <summary>The first command of each unprotected pipeline (one finding per pipeline), skipping pipelines fed only by echo/printf.</summary>
    private static IEnumerable<ShellCommand> Pipes(ShellScript script, bool pipefail)
    {
        var commands = script.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Name == "set" && HasPipefailOption(command))
                pipefail = true;
            var startsPipeline = command.Separator == "|" && (i == 0 || commands[i - 1].Separator != "|");
            if (startsPipeline && !pipefail && command.Executable is not null && !FedOnlyByLiterals(commands, i))
                yield return command;
            if (command.InlineScript() is { } inner)
            {
                foreach (var nested in Pipes(inner, pipefail || HasPipefailOption(command)))
                    yield return nested;
            }
        }
    }

    /// <summary>True when every command before the last in the pipeline starting at <paramref name="start"/> is echo or printf, which do not fail.</summary>
    private static bool FedOnlyByLiterals(IReadOnlyList<ShellCommand> commands, int start)
    {
        for (var i = start; i < commands.Count && commands[i].Separator == "|"; i++)
        {
            if (commands[i].Name is not ("echo" or "printf"))
                return false;
        }
        return true;
    }

    /// <summary><c>-o pipefail</c>, <c>-euo pipefail</c>, <c>-opipefail</c>.</summary>
    private static bool HasPipefailOption(ShellCommand command)
    {
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var value = command.Arguments[i].Value;
            if (value.StartsWith('-') && !value.StartsWith("--", StringComparison.Ordinal) && value.Contains('o', StringComparison.Ordinal)
                && (value.EndsWith("pipefail", StringComparison.Ordinal) || (i + 1 < command.Arguments.Count && command.Arguments[i + 1].Value == "pipefail")))
                return true;
        }
        return false;
    }

    /// <summary>The last SHELL of the stages a stage builds on (nearest last), or null.</summary>
    private static ShellInstruction? InheritedShell(DockerfileLintContext context, int stageIndex)
    {
        var seen = new HashSet<int> { stageIndex };
        for (var stage = context.Stages[stageIndex]; stage.BaseStage is { } parent && seen.Add(parent.Index);)
        {
            stage = context.Stages[parent.Index];
            for (var i = stage.Stage.Instructions.Count - 1; i >= 0; i--)
            {
                if (stage.Stage.Instructions[i] is ShellInstruction shell)
                    return shell;
            }
        }
        return null;
    }

    private static bool ShellHasPipefail(ShellInstruction? shell)
    {
        if (shell?.Command.ExecArguments is not { Count: > 0 } words)
            return false;
        var name = words[0].Value[(words[0].Value.LastIndexOfAny(['/', '\\']) + 1)..];
        if (Array.IndexOf(PosixShells, name) < 0)
            return true;
        return Array.IndexOf(PipefailShells, name) >= 0 && words.Any(w => w.Value == "pipefail" || w.Value.EndsWith("opipefail", StringComparison.Ordinal));
    }
}
