using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF306: COPY to a relative destination while no WORKDIR is set in the stage or the stages it builds on: it lands wherever the base image's WORKDIR is.</summary>
public sealed class RelativeCopyWithoutWorkdir : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF306", "relative-copy-without-workdir", Severity.Warning,
        "COPY to a relative path with no WORKDIR set", ["DL3045"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            var inherited = ImageText.Lineage(context.Stages, stage.Stage.Index).Skip(1).Any(s => s.Instructions.Any(i => i is WorkdirInstruction));
            if (inherited)
                continue;
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is WorkdirInstruction)
                    break;
                if (instruction is not CopyInstruction { Destination: { } destination })
                    continue;
                var value = destination.Value;
                if (value.StartsWith('/') || value.StartsWith('$') || value.StartsWith('\\') || (value.Length >= 2 && value[1] == ':'))
                    continue;
                findings.Add(At(context, destination.Span, $"{instruction.Keyword} to relative path {value} with no WORKDIR: the files land in the base image's working directory",
                    "Set WORKDIR /app before it, or use an absolute destination"));
            }
        }
    }
}
