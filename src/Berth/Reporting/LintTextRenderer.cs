using System.Text;
using Berth.Linting;

namespace Berth.Reporting;

/// <summary><c>berth lint</c>'s default output: <c>file:line:col: severity ID name: message</c>, the fix indented below, a count last.</summary>
public static class LintTextRenderer
{
    public static string Render(IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(f.File).Append(':').Append(f.Line).Append(':').Append(f.Column).Append(": ")
                .Append(Severity(f.Severity)).Append(' ').Append(f.Rule).Append(' ').Append(f.Name).Append(": ").Append(f.Message).Append('\n');
            if (f.Fix is not null)
                text.Append("    fix: ").Append(f.Fix).Append('\n');
        }
        text.Append(findings.Count == 0 ? "no findings\n" : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}\n");
        return text.ToString();
    }

    public static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();
}
