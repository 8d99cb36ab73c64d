using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF101: the final stage's HEALTHCHECK, CMD or ENTRYPOINT runs curl or wget on a base that does not ship them
/// (python:*-slim, distroless), or uses shell form on a base with no shell: the check fails forever, or the container never starts.
/// </summary>
public sealed class ToolMissingInBase : DockerfileRule
{
    private static readonly string[] HttpClients = ["curl", "wget"];

    public override RuleInfo Info { get; } = new("BDF101", "runtime-tool-missing-from-base", Severity.Error,
        "HEALTHCHECK/CMD/ENTRYPOINT needs a binary (curl, wget, a shell) that the runtime base image does not ship", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final || context.Facts(final.Stage.Index) is not { } facts)
            return;
        var image = context.ExternalBase(final.Stage.Index)?.Text ?? "the base image";
        HashSet<string>? installed = null; // read only when a tool is missing from the base
        foreach (var instruction in final.Stage.Instructions)
        {
            var command = instruction switch
            {
                HealthcheckInstruction h when !h.IsNone => h.Command,
                CmdInstruction c => c.Command,
                EntrypointInstruction e => e.Command,
                _ => null,
            };
            if (command is null)
                continue;
            if (!command.IsExecForm && !facts.HasShell)
            {
                findings.Add(At(context, instruction.Span,
                    $"{instruction.Keyword} uses shell form, but {image} has no /bin/sh: Docker runs it as /bin/sh -c and it fails",
                    "Use exec form: [\"executable\", \"arg\", ...]"));
                continue;
            }
            foreach (var tool in UsedTools(command))
            {
                var has = tool == "curl" ? facts.HasCurl : facts.HasWget;
                if (!has && !(installed ??= InstalledTools(final.Stage)).Contains(tool))
                {
                    findings.Add(At(context, instruction.Span,
                        $"{instruction.Keyword} runs {tool}, which {image} does not ship",
                        instruction is HealthcheckInstruction
                            ? "Probe with the runtime you have, e.g. [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)\"]"
                            : $"Install {tool} in this stage or do not depend on it"));
                }
            }
        }
    }

    private static IEnumerable<string> UsedTools(CommandLine command)
    {
        if (command.IsExecForm)
        {
            var first = command.ExecArguments!.FirstOrDefault()?.Value;
            var name = first is null ? null : first[(first.LastIndexOf('/') + 1)..];
            if (name is not null && HttpClients.Contains(name))
                yield return name;
            yield break;
        }
        foreach (var shell in command.ShellCommands().Commands)
        {
            if (shell.Name is { } name && HttpClients.Contains(name))
                yield return name;
        }
    }

    /// <summary>Tools this stage installs itself (apt-get/apk/microdnf install curl).</summary>
    private static HashSet<string> InstalledTools(DockerfileStage stage)
    {
        var tools = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in stage.Instructions.OfType<RunInstruction>())
        {
            foreach (var script in run.Scripts())
            {
                foreach (var command in script.Commands)
                {
                    if (command.Name is "apt-get" or "apt" or "apk" or "microdnf" or "dnf" or "yum" && command.Arguments.Any(a => a.Value is "install" or "add"))
                        tools.UnionWith(command.Arguments.Select(a => a.Value).Where(HttpClients.Contains));
                }
            }
        }
        return tools;
    }
}
