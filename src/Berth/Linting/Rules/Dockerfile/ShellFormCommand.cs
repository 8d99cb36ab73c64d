using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>BDF501: CMD/ENTRYPOINT in shell form run under /bin/sh -c as PID 1: SIGTERM goes to the shell, not the app, and docker stop waits out its timeout.</summary>
public sealed class ShellFormCommand : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF501", "shell-form-command", Severity.Warning,
        "CMD or ENTRYPOINT in shell form: the app does not receive SIGTERM", ["DL3025", "JSONArgsRecommended"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            var command = instruction switch
            {
                CmdInstruction c => c.Command,
                EntrypointInstruction e => e.Command,
                _ => null,
            };
            if (command is { IsExecForm: false } && command.Text.Trim().Length > 0)
                findings.Add(At(context, instruction.Span, $"{instruction.Keyword} in shell form runs under /bin/sh -c, so signals reach the shell instead of the app",
                    $"{instruction.Keyword} [\"" + string.Join("\", \"", command.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "\"]"));
        }
    }
}
