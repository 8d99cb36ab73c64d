using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF513: the final stage (and the stages it builds on) has no HEALTHCHECK, so docker and compose cannot tell a hung app from a healthy one.
/// Kubernetes ignores HEALTHCHECK (it uses probes), hence info. HEALTHCHECK NONE counts as a decision. Stages FROM scratch are skipped (no shell, no tools).
/// </summary>
public sealed class MissingHealthcheck : DockerfileRule
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
        var port = context.App?.Port;
        findings.Add(At(context, final.Stage.From.Span, "the final stage has no HEALTHCHECK",
            port is null ? "Add HEALTHCHECK CMD <a command that fails when the app is unhealthy>, or HEALTHCHECK NONE"
                : $"Add HEALTHCHECK CMD <a probe of http://127.0.0.1:{port}/health>, or HEALTHCHECK NONE"));
    }
}
