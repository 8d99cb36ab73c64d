namespace Berth.Linting;

/// <summary>One Dockerfile rule: one file, one ID, one doc page (docs/rules/ID.md), one test class.</summary>
public abstract class DockerfileRule
{
    public abstract RuleInfo Info { get; }

    public abstract IEnumerable<Finding> Check(DockerfileLintContext context);

    protected Finding At(DockerfileLintContext context, Dockerfiles.SourceSpan span, string message, string? fix = null) =>
        Finding.At(Info, context.File, span, message, fix);
}
