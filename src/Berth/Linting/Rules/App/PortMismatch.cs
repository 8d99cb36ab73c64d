using System.Globalization;
using Berth.Apps;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.App;

/// <summary>
/// BAP001: the final stage exposes or binds a port the app does not listen on (the app's port comes from berth scan). Only a port the
/// repository states counts (<see cref="StatedPort"/>): against a default (Berth's 8000, a framework's 3000) another port is no finding.
/// A port below 1024 moved up by 8000 (<see cref="Generation.UnprivilegedPort"/>: 80 → 8080, so a non-root server can bind it under
/// Kubernetes' restricted profile) is the app's port too.
/// </summary>
public sealed class PortMismatch : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BAP001", "port-differs-from-app", Severity.Error,
        "EXPOSE or the server's --port/--bind differs from the port the app listens on", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.App is not { } app || context.Final is not { } final || StatedPort.Of(app) is not { } stated)
            return;
        var port = stated.Port.ToString(CultureInfo.InvariantCulture);
        var moved = Generation.UnprivilegedPort.For(stated.Port).ToString(CultureInfo.InvariantCulture);
        var where = stated.Where;
        var exposes = final.Stage.Instructions.OfType<ExposeInstruction>().SelectMany(e => e.Ports).ToList();
        if (exposes.Count > 0 && !exposes.Any(p => p.Port == port || p.Port == moved))
        {
            var first = exposes[0];
            findings.Add(At(context, first.Span, $"EXPOSE {first.Port}, but the app listens on {port}{where}", $"EXPOSE {port}"));
        }
        foreach (var instruction in final.Stage.Instructions.Where(i => i is CmdInstruction or EntrypointInstruction))
        {
            var words = instruction is CmdInstruction c ? Words(c.Command) : Words(((EntrypointInstruction)instruction).Command);
            for (var i = 0; i < words.Count - 1; i++)
            {
                var bound = words[i] switch
                {
                    "--port" or "-p" => words[i + 1],
                    "--bind" or "-b" => words[i + 1][(words[i + 1].LastIndexOf(':') + 1)..],
                    _ => null,
                };
                if (bound is not null && bound.All(char.IsAsciiDigit) && bound.Length > 0 && bound != port && bound != moved)
                    findings.Add(At(context, instruction.Span, $"{instruction.Keyword} binds port {bound}, but the app's port is {port}{where}", null));
            }
        }
    }

    private static List<string> Words(CommandLine command) =>
        command.IsExecForm
            ? command.ExecArguments!.Select(a => a.Value).ToList()
            : command.ShellCommands().Commands.SelectMany(c => c.Arguments.Select(a => a.Value)).ToList();
}
