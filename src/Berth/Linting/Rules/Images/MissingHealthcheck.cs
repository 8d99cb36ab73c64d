using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF513: the final image serves something (the app Berth scanned for it states a port, an EXPOSE, or a CMD/ENTRYPOINT that starts a known server) but
/// neither the final stage nor the stages it builds on has a HEALTHCHECK, so docker and compose cannot tell a hung app from a healthy one.
/// Kubernetes ignores HEALTHCHECK (it uses probes), hence info. HEALTHCHECK NONE counts as a decision. Not asked of images that do not
/// serve: test runners, builders, CLI tools, a final stage that inherits its command from its base image; nor of stages FROM scratch (no shell, no tools).
/// </summary>
public sealed partial class MissingHealthcheck : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF513", "missing-healthcheck", Severity.Info,
        "The final stage has no HEALTHCHECK", ["DL3057", "DS026", "CKV_DOCKER_2"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final)
            return;
        var lineage = ImageText.Lineage(context.Stages, final.Stage.Index).ToList();
        if (lineage.Any(s => s.Instructions.Any(i => i is HealthcheckInstruction)))
            return;
        if (context.ExternalBase(final.Stage.Index) is { Text: "scratch" })
            return;
        // an app with a port its repository states is a service; a default port (Berth's guess) is not evidence that it serves
        if ((context.App is not { } app || Apps.StatedPort.Of(app) is null) && !Serves(lineage))
            return;
        var port = context.App?.Port;
        findings.Add(At(context, final.Stage.From.Span, "the final stage has no HEALTHCHECK",
            port is null ? "Add HEALTHCHECK CMD <a command that fails when the app is unhealthy>, or HEALTHCHECK NONE"
                : $"Add HEALTHCHECK CMD <a probe of http://127.0.0.1:{port}/health>, or HEALTHCHECK NONE"));
    }

    /// <summary>True when the image says it serves: an EXPOSE, or a command (the last CMD or ENTRYPOINT of the lineage) that starts a known server.</summary>
    private static bool Serves(IReadOnlyList<DockerfileStage> lineage)
    {
        if (lineage.Any(s => s.Instructions.Any(i => i is ExposeInstruction)))
            return true;
        // lineage runs from the final stage back to its first base: the first command found is the one that runs
        foreach (var stage in lineage)
        {
            var command = stage.Instructions.LastOrDefault(i => i is CmdInstruction or EntrypointInstruction);
            if (command is not null)
                return stage.Instructions.Where(i => i is CmdInstruction or EntrypointInstruction).Any(i => Server().IsMatch(Text(i)));
        }
        return false;
    }

    private static string Text(Instruction instruction)
    {
        var line = instruction is CmdInstruction c ? c.Command : ((EntrypointInstruction)instruction).Command;
        return line.IsExecForm ? string.Join(' ', line.ExecArguments!.Select(a => a.Value)) : line.Text;
    }

    /// <summary>Commands that start a long-running network server.</summary>
    [GeneratedRegex(@"(^|[\s/""'])(uvicorn|gunicorn|hypercorn|daphne|granian|waitress-serve|nginx|httpd|apache2ctl|caddy|traefik|envoy|php-fpm|puma|unicorn|rails\s+s(erver)?|fastapi\s+run|flask\s+run|manage\.py\s+runserver|next\s+start|nuxt\s+start|serve\s+-s|http-server|streamlit\s+run|java\s+-jar)\b")]
    private static partial Regex Server();
}
