using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF401: packages installed with <c>pip install --user</c> as root land in /root/.local; a final non-root USER cannot read
/// /root (mode 700) and its console scripts are not on PATH, so the app fails with ModuleNotFoundError.
/// </summary>
public sealed class UserSiteUnreadable : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF401", "user-site-unreadable-by-final-user", Severity.Error,
        "pip install --user as root puts packages under /root/.local, which the final non-root USER cannot read", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final)
            return;
        var finalUser = context.UserAt(final.Stage.Index);
        if (DockerfileLintContext.IsRoot(finalUser))
            return;

        // 1) pip install --user as root in the final stage itself.
        foreach (var run in final.Stage.Instructions.OfType<RunInstruction>())
        {
            if (DockerfileLintContext.IsRoot(context.UserAt(final.Stage.Index, run)) && PipUserInstall(run))
                findings.Add(At(context, run.Span, $"pip install --user runs as root, so packages go to /root/.local; the final USER {finalUser} cannot read them",
                    "Install into a virtualenv (python -m venv /opt/venv) or run pip after switching USER"));
        }
        // 2) /root/.local copied from a builder into a stage that runs as a non-root user.
        foreach (var copy in final.Stage.Instructions.OfType<CopyInstruction>())
        {
            var source = copy.Sources.FirstOrDefault(s => s.Value.StartsWith("/root/.local", StringComparison.Ordinal));
            var destination = copy.Destination?.Value ?? "";
            if (source is null || !destination.StartsWith("/root", StringComparison.Ordinal))
                continue;
            findings.Add(At(context, copy.Span, $"copies {source.Value} to {destination}, which the final USER {finalUser} cannot read (/root is mode 700) and whose bin/ is not on PATH",
                "Copy a virtualenv to /opt/venv and put /opt/venv/bin on PATH, or copy to the user's home with --chown"));
        }
    }

    private static bool PipUserInstall(RunInstruction run) =>
        run.Scripts().SelectMany(s => s.Commands).Any(c =>
            (c.Name is "pip" or "pip3" || (c.Name is { } n && n.StartsWith("python", StringComparison.Ordinal) && c.Arguments.Take(2).Select(a => a.Value).SequenceEqual(["-m", "pip"])))
            && c.HasArgument("install") && c.HasArgument("--user"));
}
