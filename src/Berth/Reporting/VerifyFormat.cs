using System.Globalization;
using System.Text;
using Berth.Verification;

namespace Berth.Reporting;

/// <summary>
/// How the verify renderers spell numbers, sizes, durations and statuses, so the text and HTML reports agree. Sizes are
/// decimal (1 MB = 1,000,000 bytes), as <c>docker images</c> prints them; everything is invariant-culture.
/// </summary>
public static class VerifyFormat
{
    private static readonly string[] Units = ["kB", "MB", "GB", "TB"];

    /// <summary>A size for people: <c>512 B</c>, <c>12.4 kB</c>, <c>142.3 MB</c>, <c>1.21 GB</c>.</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1000 && bytes > -1000)
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        double value = bytes;
        var unit = -1;
        while (Math.Abs(value) >= 999.95 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        var format = unit >= 2 ? "0.00" : "0.0";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>An exact byte count with thousands separators: <c>142,312,448</c>.</summary>
    public static string ExactBytes(long bytes) => bytes.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A wall time: <c>850 ms</c>, <c>42.7 s</c>, <c>2 m 03 s</c>, <c>1 h 02 m</c>.</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
            elapsed = TimeSpan.Zero;
        if (elapsed.TotalSeconds < 1)
            return ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        if (elapsed.TotalSeconds < 60)
            return elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        if (elapsed.TotalMinutes < 60)
            return string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} m {elapsed.Seconds:00} s");
        return string.Create(CultureInfo.InvariantCulture, $"{(long)elapsed.TotalHours} h {elapsed.Minutes:00} m");
    }

    /// <summary>A ratio (0..1) as a percentage with one decimal: <c>97.3%</c>.</summary>
    public static string Percent(double ratio) =>
        double.IsFinite(ratio) ? (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>PASS, FAIL or SKIP.</summary>
    public static string StatusLabel(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Fail => "FAIL",
        _ => "SKIP",
    };

    /// <summary>pass, fail or skip (the JSON and CSS spelling).</summary>
    public static string StatusWord(CheckStatus status) => StatusLabel(status).ToLowerInvariant();

    /// <summary>The last line of every report: <c>20 passed, 1 failed, 1 skipped</c>.</summary>
    public static string Counts(IReadOnlyList<CheckResult> checks) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Count(checks, CheckStatus.Pass)} passed, {Count(checks, CheckStatus.Fail)} failed, {Count(checks, CheckStatus.Skip)} skipped");

    public static int Count(IReadOnlyList<CheckResult> checks, CheckStatus status) => checks.Count(c => c.Status == status);

    /// <summary>A layer's <c>created_by</c> on one line: runs of whitespace (heredocs, line continuations) become one space.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }
            if (space)
                line.Append(' ');
            space = false;
            line.Append(char.IsControl(c) ? '?' : c);
        }
        return line.ToString();
    }


    /// <summary>Text as it may be printed: tabs become spaces, other control characters (ANSI escapes included) become '?'; newlines stay.</summary>
    public static string Printable(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            clean.Append(c switch
            {
                '\n' => '\n',
                '\t' => ' ',
                _ when char.IsControl(c) => '?',
                _ => c,
            });
        }
        return clean.ToString();
    }
}
