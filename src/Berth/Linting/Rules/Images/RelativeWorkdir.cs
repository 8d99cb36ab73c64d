using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF502: a relative WORKDIR with no absolute WORKDIR before it in the stage (or the stages it builds on): it resolves against the base image's directory.</summary>
public sealed class RelativeWorkdir : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF502", "relative-workdir", Severity.Warning,
        "WORKDIR is a relative path with no absolute WORKDIR before it", ["DL3000", "WorkdirRelativePath"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            var anchored = ImageText.Lineage(context.Stages, stage.Stage.Index).Skip(1)
                .Any(s => s.Instructions.OfType<WorkdirInstruction>().Any(w => IsAbsolute(w.Path)));
            foreach (var workdir in stage.Stage.Instructions.OfType<WorkdirInstruction>())
            {
                if (IsAbsolute(workdir.Path))
                {
                    anchored = true;
                    continue;
                }
                if (!anchored)
                    findings.Add(At(context, workdir.Arguments.Span, $"WORKDIR {workdir.Path} is relative to whatever directory the base image sets",
                        "WORKDIR /" + workdir.Path.TrimStart('.', '/')));
            }
        }
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('$') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':');
}
