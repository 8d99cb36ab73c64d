namespace Berth.Linting;

/// <summary>One Dockerfile rule: one file, one ID, one doc page (docs/rules/ID.md), one test class.</summary>
public abstract class DockerfileRule
{
    public abstract RuleInfo Info { get; }

    /// <summary>Adds the rule's findings on one file to <paramref name="findings"/>, in the order the rule finds them.</summary>
    public abstract void Check(DockerfileLintContext context, FindingSink findings);

    /// <summary>The rule's findings on one file, before suppressions and configuration: for tests and tools that run one rule.</summary>
    public IReadOnlyList<Finding> Check(DockerfileLintContext context)
    {
        var findings = new FindingSink();
        Check(context, findings);
        return findings.Findings;
    }

    protected Finding At(DockerfileLintContext context, Dockerfiles.SourceSpan span, string message, string? fix = null) =>
        Finding.At(Info, context.File, span, message, fix);
}
