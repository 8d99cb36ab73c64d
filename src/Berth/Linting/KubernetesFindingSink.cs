using System.Runtime.CompilerServices;
using Berth.Kubernetes;

namespace Berth.Linting;

/// <summary>
/// Where Kubernetes rules put findings: each is located (file, line, column of the node it is about, mapped back to the template or
/// base for rendered objects), dropped when the object's annotations suppress its rule, then handed to the file sink (configuration).
/// </summary>
public sealed class KubernetesFindingSink(FindingSink inner, bool applySuppressions = true)
{
    private readonly ConditionalWeakTable<KubeObject, IReadOnlySet<string>> _ignored = [];

    public List<Finding> Findings => inner.Findings;

    public void Add(RuleInfo rule, KubeObject subject, YamlValue node, string message, string? fix = null)
    {
        if (applySuppressions && _ignored.GetValue(subject, o => KubernetesSuppressions.Ignored(o, RuleCatalog.All)).Contains(rule.Id))
            return;
        AddAt(rule, subject.Locate(node), message, fix);
    }

    /// <summary>A finding about a file or a place that is not inside an object (YAML errors, Chart.yaml, templates).</summary>
    public void AddAt(RuleInfo rule, SourceLocation location, string message, string? fix = null)
    {
        var span = location.Span;
        var endLine = Math.Max(span.Line, span.EndLine);
        var endColumn = endLine == span.Line ? Math.Max(span.Column, span.EndColumn) : Math.Max(1, span.EndColumn);
        inner.Add(new Finding(rule.Id, rule.Name, rule.Severity, location.File, span.Line, span.Column, endLine, endColumn, message, fix));
    }
}
