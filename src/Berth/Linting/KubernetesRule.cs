namespace Berth.Linting;

/// <summary>One Kubernetes rule: one file under Rules/Kubernetes, one ID (BK8xxx), one doc page, one test class.</summary>
public abstract class KubernetesRule
{
    public abstract RuleInfo Info { get; }

    /// <summary>Adds the rule's findings on one manifest set to <paramref name="findings"/>.</summary>
    public abstract void Check(KubernetesLintContext context, KubernetesFindingSink findings);

    /// <summary>The rule's findings on one set, before suppressions and configuration: for tests and tools that run one rule.</summary>
    public IReadOnlyList<Finding> Check(KubernetesLintContext context)
    {
        var findings = new KubernetesFindingSink(new FindingSink(), applySuppressions: false);
        Check(context, findings);
        return findings.Findings;
    }
}
