using Berth.Apps;
using Berth.Dockerfiles;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>Parses a Dockerfile once and runs every rule over it; findings come back sorted, with suppressions and the configuration (ignored rules, severity overrides) applied.</summary>
public static class DockerfileLinter
{
    public static IReadOnlyList<Finding> Lint(string file, string text, ServiceProfile? app = null, Func<string, bool>? contextFileExists = null, string? dockerignore = null, LintConfiguration? configuration = null)
    {
        var document = DockerfileParser.Parse(file, text);
        var context = new DockerfileLintContext(file, document, app, contextFileExists, dockerignore, configuration);
        var suppressions = Suppressions.Read(document, RuleCatalog.All);
        configuration ??= LintConfiguration.Empty;
        var findings = new FindingSink(suppressions, configuration);
        foreach (var rule in RuleCatalog.Dockerfile)
            rule.Check(context, findings);
        return SortedDistinct(findings.Findings);
    }

    /// <summary>
    /// The findings by line, column and rule (stable: rule order within a rule's own findings), each once. The same as Distinct then
    /// a stable sort, without hashing every finding: equal findings share a sort key, so only neighbours with that key are compared.
    /// </summary>
    private static List<Finding> SortedDistinct(List<Finding> findings)
    {
        var sorted = findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
        var result = new List<Finding>(sorted.Count);
        var groupStart = 0;
        foreach (var finding in sorted)
        {
            if (result.Count > groupStart)
            {
                var first = result[groupStart];
                if (first.Line != finding.Line || first.Column != finding.Column || !string.Equals(first.Rule, finding.Rule, StringComparison.Ordinal))
                    groupStart = result.Count;
            }
            if (!Contains(result, groupStart, finding))
                result.Add(finding);
        }
        return result;
    }

    private static bool Contains(List<Finding> findings, int from, Finding finding)
    {
        for (var i = from; i < findings.Count; i++)
        {
            if (findings[i].Equals(finding))
                return true;
        }
        return false;
    }
}
