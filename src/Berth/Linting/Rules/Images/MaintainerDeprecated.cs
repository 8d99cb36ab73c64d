using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF507: MAINTAINER is deprecated; the OCI authors label carries the same fact.</summary>
public sealed class MaintainerDeprecated : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF507", "maintainer-deprecated", Severity.Info,
        "MAINTAINER is deprecated", ["DL4000", "MaintainerDeprecated", "DS022", "CKV_DOCKER_6"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var maintainer in context.Document.Instructions.OfType<MaintainerInstruction>())
        {
            var value = maintainer.Maintainer.Trim().Trim('"').Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            findings.Add(At(context, maintainer.Syntax.KeywordSpan, "MAINTAINER is deprecated",
                $"LABEL org.opencontainers.image.authors=\"{value}\""));
        }
    }
}
