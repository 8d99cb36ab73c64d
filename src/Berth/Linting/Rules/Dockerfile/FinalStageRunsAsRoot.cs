namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF402: the image runs as root: no USER in the final stage on a root base, or USER root/0 last. Not asked of a dev container's
/// image (a Dockerfile under <c>.devcontainer/</c>): it is a developer's workstation, whose user devcontainer.json chooses, not a service.
/// </summary>
public sealed class FinalStageRunsAsRoot : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF402", "final-stage-runs-as-root", Severity.Warning,
        "The final stage runs as root", ["DL3002", "CKV_DOCKER_3", "CKV_DOCKER_8", "DS002"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final || IsDevContainer(context.File))
            return;
        var user = context.UserAt(final.Stage.Index);
        if (!DockerfileLintContext.IsRoot(user))
            return;
        var lastUser = final.Stage.Instructions.OfType<Dockerfiles.UserInstruction>().LastOrDefault();
        var span = lastUser?.Span ?? final.Stage.From.Span;
        findings.Add(At(context, span,
            lastUser is null ? "the final stage sets no USER and its base runs as root" : $"the last USER is {lastUser.User}",
            "Create a user with a numeric UID (e.g. 10001) and end with USER 10001:10001"));
    }

    private static bool IsDevContainer(string file) => file.Split('/', '\\').Contains(".devcontainer", StringComparer.Ordinal);
}
