using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>BDF528: the final stage starts the app with npm/yarn/pnpm (start, run …): the package manager is PID 1 and the app never gets SIGTERM.</summary>
public sealed class PackageManagerStartAsCommand : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF528", "package-manager-start-as-command", Severity.Warning,
        "CMD or ENTRYPOINT starts the app through npm, yarn or pnpm (npm start): SIGTERM does not reach node", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final)
            return;
        foreach (var instruction in final.Stage.Instructions)
        {
            var command = instruction switch
            {
                CmdInstruction c => c.Command,
                EntrypointInstruction e => e.Command,
                _ => null,
            };
            if (command is null)
                continue;
            var words = NodeRules.Words(command);
            // after an init (tini --, dumb-init) the package manager is still the app's parent and swallows the signal
            var start = words.IndexOf("--") is var dash and >= 0 && dash < 3 ? dash + 1 : words.Count > 0 && words[0].EndsWith("dumb-init", StringComparison.Ordinal) ? 1 : 0;
            if (start >= words.Count)
                continue;
            var program = Path.GetFileName(words[start]);
            var verb = start + 1 < words.Count ? words[start + 1] : "";
            if (program is "npm" or "yarn" or "pnpm" && verb is "start" or "run" or "run-script" or "exec" or "dev" or "serve" || program == "yarn" && verb.Length > 0 && !verb.StartsWith('-'))
            {
                findings.Add(At(context, instruction.Span,
                    $"{instruction.Keyword} runs '{program} {verb}': {program} becomes the main process, does not pass SIGTERM on to node, and the container is killed when the stop timeout runs out",
                    "Run node directly: CMD [\"node\", \"server.js\"] (the file your start script runs), under tini when the app does not handle SIGTERM"));
            }
        }
    }
}
