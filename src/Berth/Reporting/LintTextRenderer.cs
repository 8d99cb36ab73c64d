using System.Text;
using Berth.Linting;

namespace Berth.Reporting;

/// <summary><c>berth lint</c>'s default output: <c>file:line:col: severity ID name: message</c>, the fix indented below, a count last.</summary>
public static class LintTextRenderer
{
    // Written in chunks of about this many characters: few writes to an unbuffered console, and no copy of the whole report.
    private const int ChunkSize = 32 * 1024;

    public static string Render(IReadOnlyList<Finding> findings)
    {
        var text = new StringWriter { NewLine = "\n" };
        Write(findings, text);
        return text.ToString();
    }

    /// <summary>Writes the report to <paramref name="output"/> as it goes, a chunk at a time.</summary>
    public static void Write(IReadOnlyList<Finding> findings, TextWriter output)
    {
        var text = new StringBuilder(ChunkSize + 1024);
        foreach (var f in findings)
        {
            text.Append(f.File).Append(':').Append(f.Line).Append(':').Append(f.Column).Append(": ")
                .Append(Severity(f.Severity)).Append(' ').Append(f.Rule).Append(' ').Append(f.Name).Append(": ").Append(f.Message).Append('\n');
            if (f.Fix is not null)
                text.Append("    fix: ").Append(f.Fix).Append('\n');
            if (text.Length >= ChunkSize)
            {
                output.Write(text);
                text.Clear();
            }
        }
        text.Append(findings.Count == 0 ? "no findings\n" : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}\n");
        output.Write(text);
    }

    public static string Severity(Severity severity) => severity switch
    {
        Linting.Severity.Error => "error",
        Linting.Severity.Warning => "warning",
        Linting.Severity.Info => "info",
        _ => severity.ToString().ToLowerInvariant(),
    };
}
