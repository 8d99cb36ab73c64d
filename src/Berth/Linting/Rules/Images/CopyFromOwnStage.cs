using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF302: COPY --from names the stage the COPY is in: a stage cannot copy from itself.</summary>
public sealed class CopyFromOwnStage : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF302", "copy-from-own-stage", Severity.Error,
        "COPY --from refers to the stage it is in", ["DL3023", "DS006"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            var index = stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var copy in stage.Instructions.OfType<CopyInstruction>())
            {
                if (copy.Flag("from") is not { Value: { Length: > 0 } value } flag)
                    continue;
                if (value == index || (stage.Name is { } name && string.Equals(name, value, StringComparison.OrdinalIgnoreCase)))
                    findings.Add(At(context, flag.ValueSpan ?? flag.Span, $"--from={value} is this stage itself", "Copy from an earlier stage, or copy the path with RUN cp"));
            }
        }
    }
}
