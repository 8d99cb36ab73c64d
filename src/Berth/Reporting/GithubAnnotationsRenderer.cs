using System.Text;
using Berth.Linting;

namespace Berth.Reporting;

/// <summary>
/// <c>berth lint --format github</c>: one workflow command per finding
/// (<c>::error file=F,line=L,col=C,endLine=..,endColumn=..,title=ID name::message</c>), so findings show as annotations on the
/// pull request. Errors are <c>error</c>, warnings <c>warning</c>, info <c>notice</c>. Values are escaped as GitHub's runner
/// expects: %, CR and LF everywhere, and ':' and ',' inside properties.
/// </summary>
public static class GithubAnnotationsRenderer
{
    public static string Render(IReadOnlyList<Finding> findings, string sourceRoot)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            var line = Math.Max(1, f.Line);
            var endLine = Math.Max(line, f.EndLine);
            text.Append("::").Append(Command(f.Severity))
                .Append(" file=").Append(EscapeProperty(SarifRenderer.RelativePath(f.File, sourceRoot)))
                .Append(",line=").Append(line)
                .Append(",col=").Append(Math.Max(1, f.Column))
                .Append(",endLine=").Append(endLine)
                .Append(",endColumn=").Append(Math.Max(1, f.EndColumn))
                .Append(",title=").Append(EscapeProperty($"{f.Rule} {f.Name}"))
                .Append("::").Append(EscapeData(f.Fix is null ? f.Message : $"{f.Message}\nfix: {f.Fix}"))
                .Append('\n');
        }
        return text.ToString();
    }

    public static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
