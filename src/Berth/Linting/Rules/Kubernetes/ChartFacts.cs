using System.Text.RegularExpressions;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>What the Helm rules read from a chart: Chart.yaml's root, the values tree, and the <c>.Values.a.b</c> references in its templates with their positions.</summary>
internal static partial class ChartFacts
{
    public sealed record ValueReference(string Path, string File, int Line, int Column, bool Defaulted);

    public static YamlValue? ChartRoot(HelmChart chart) => chart.Chart.Documents.FirstOrDefault()?.Root;

    public static YamlValue? ValuesRoot(HelmChart chart) => chart.Values?.Documents.FirstOrDefault()?.Root;

    public static SourceLocation ChartStart(HelmChart chart) => new(chart.ChartFile, TextSpan.Start);

    /// <summary>Every <c>.Values.x.y</c> in the chart's own templates (not subcharts'), with whether a <c>| default</c> or <c>default … .Values.x</c> covers it.</summary>
    public static IEnumerable<ValueReference> References(HelmChart chart)
    {
        foreach (var (file, text) in chart.Templates.Where(t => !IsSubchartFile(chart, t.File)))
        {
            var lines = text.Split('\n');
            // A value tested anywhere in the template ({{ if .Values.x }}, with, and/or/not) is optional by design there.
            var guarded = Guard().Matches(text).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Reference().Matches(lines[i]))
                {
                    var after = lines[i][(match.Index + match.Length)..];
                    var before = lines[i][..match.Index];
                    var defaulted = DefaultAfter().IsMatch(after) || DefaultBefore().IsMatch(before) || guarded.Contains(match.Groups["path"].Value);
                    yield return new ValueReference(match.Groups["path"].Value, file, i + 1, match.Index + 1, defaulted);
                }
            }
        }
    }

    /// <summary>
    /// Whether a file belongs to a subchart (under the chart's own charts/ folder). Only the part of the path below the chart's folder
    /// counts: a chart that itself sits in a folder named charts/ (as <c>berth init</c> writes them) is not its own subchart.
    /// </summary>
    private static bool IsSubchartFile(HelmChart chart, string file) =>
        Path.GetRelativePath(chart.Folder, file).Split(Path.DirectorySeparatorChar).Contains("charts", StringComparer.Ordinal);

    /// <summary>Whether a template uses the values as a whole (<c>toYaml .Values</c>, <c>include "x" .Values</c>): then every key may be read.</summary>
    public static bool UsesWholeValues(HelmChart chart) => chart.Templates.Any(t => WholeValues().IsMatch(t.Text));

    [GeneratedRegex(@"(?<![A-Za-z0-9_])\$?\.Values\.(?<path>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\{\{-?\s*(else\s+)?(if|with|and|or|not)\b[^}]*?\$?\.Values\.(?<path>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex Guard();

    [GeneratedRegex(@"^\s*\|\s*default\b")]
    private static partial Regex DefaultAfter();

    [GeneratedRegex(@"\bdefault\s+(""[^""]*""|'[^']*'|[^\s|]+)\s*$|\b(hasKey|dig)\b[^|]*$")]
    private static partial Regex DefaultBefore();

    [GeneratedRegex(@"\$?\.Values\s*(\)|\}\}|\||-\}\}|$)|index\s+\$?\.Values\s+\$|\$?\.Values\s+(\$|\.)", RegexOptions.Multiline)]
    private static partial Regex WholeValues();
}
