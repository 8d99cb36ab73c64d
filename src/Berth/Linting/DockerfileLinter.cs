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
        // OrderBy/ThenBy is a stable sort; Array.Sort is not, so the index in the list breaks ties (same order, without LINQ's key arrays).
        var sorted = new (Finding Finding, int Index)[findings.Count];
        for (var i = 0; i < sorted.Length; i++)
            sorted[i] = (findings[i], i);
        Array.Sort(sorted, static (a, b) =>
        {
            var order = a.Finding.Line.CompareTo(b.Finding.Line);
            if (order == 0)
                order = a.Finding.Column.CompareTo(b.Finding.Column);
            if (order == 0)
                order = string.CompareOrdinal(a.Finding.Rule, b.Finding.Rule);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        var result = new List<Finding>(sorted.Length);
        var groupStart = 0;
        foreach (var (finding, _) in sorted)
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
