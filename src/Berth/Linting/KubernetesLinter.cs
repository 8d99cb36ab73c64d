using Berth.Apps;
using Berth.Kubernetes;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>Runs every Kubernetes rule over one manifest set; findings come back sorted, suppressions and the configuration applied.</summary>
public static class KubernetesLinter
{
    public static IReadOnlyList<Finding> Lint(ManifestSet set, ServiceProfile? app = null, ImageUser? imageUser = null, LintConfiguration? configuration = null,
        ImageWorkdir? imageWorkdir = null)
    {
        configuration ??= LintConfiguration.Empty;
        var context = new KubernetesLintContext(set, app, imageUser, configuration) { ImageWorkdir = imageWorkdir };
        var findings = new KubernetesFindingSink(new FindingSink(new Suppressions(), configuration));
        foreach (var rule in RuleCatalog.Kubernetes)
            rule.Check(context, findings);
        return Sorted(findings.Findings);
    }

    /// <summary>By file, line, column and rule (stable within a rule), each finding once.</summary>
    internal static List<Finding> Sorted(IEnumerable<Finding> findings) =>
        [.. findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)];
}
