using System.Globalization;
using System.Text;
using Berth.Verification;

namespace Berth.Reporting;

/// <summary>
/// <c>berth verify</c>'s default output: the image and run facts, the checks table (evidence indented under failures), the
/// environment verify had to invent, the layers, the efficiency numbers, and a count last. Plain text, no colour codes;
/// columns are padded to their widest cell so the same report is always the same bytes.
/// </summary>
public static class VerifyTextRenderer
{
    /// <summary>Longest <c>created_by</c> shown in the layers table.</summary>
    public const int CreatedByWidth = 80;

    /// <summary>How many of the most wasteful paths are listed under the efficiency line.</summary>
    public const int TopWastedShown = 5;

    public static string Render(VerifyReport report)
    {
        var text = new StringBuilder();
        text.Append("berth verify: ").Append(report.Verdict).Append('\n');
        Row(text, "image", OneLine(report.Image));
        Row(text, "size", $"{VerifyFormat.Bytes(report.SizeBytes)} ({VerifyFormat.ExactBytes(report.SizeBytes)} bytes)");
        Row(text, "engine", report.Engine.Length == 0 ? "unknown" : OneLine(report.Engine));
        Row(text, "elapsed", VerifyFormat.Elapsed(report.Elapsed));
        Checks(text, report.Checks);
        InventedEnvironment(text, report.InventedEnvironment);
        Notes(text, report.Notes);
        Layers(text, report.Layers);
        Efficiency(text, report.Efficiency);
        text.Append('\n').Append(VerifyFormat.Counts(report.Checks)).Append('\n');
        return text.ToString();
    }

    private static void Checks(StringBuilder text, IReadOnlyList<CheckResult> checks)
    {
        text.Append("\nchecks\n");
        if (checks.Count == 0)
        {
            text.Append("  none ran\n");
            return;
        }
        var rows = checks.Select(c => new[] { VerifyFormat.StatusLabel(c.Status), OneLine(c.Id), OneLine(c.Name) }).ToList();
        var widths = Widths(["STATUS", "ID", "NAME"], rows);
        var detailColumn = 2 + widths.Sum() + 2 * widths.Length;
        Line(text, widths, ["STATUS", "ID", "NAME", "DETAIL"]);
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var detail = Lines(check.Detail);
            Line(text, widths, [.. rows[i], detail.Count == 0 ? "" : detail[0]]);
            foreach (var more in detail.Skip(1))
                text.Append(' ', detailColumn).Append(more).Append('\n');
            if (check.Status != CheckStatus.Fail)
                continue;
            foreach (var evidence in check.Evidence)
                foreach (var line in Lines(evidence))
                    text.Append(' ', detailColumn).Append("| ").Append(line).Append('\n');
        }
    }

    private static void Notes(StringBuilder text, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
            return;
        text.Append("\nnotes\n");
        foreach (var note in notes)
            text.Append("  - ").Append(OneLine(note)).Append('\n');
    }

    private static void InventedEnvironment(StringBuilder text, IReadOnlyList<InventedVariable> variables)
    {
        if (variables.Count == 0)
            return;
        text.Append("\ninvented environment (required, no value given; verify made one up)\n");
        var rows = variables.Select(v => new[] { OneLine(v.Name), OneLine(v.Kind), v.ShownValue is null ? "(random)" : OneLine(v.ShownValue) }).ToList();
        var widths = Widths(["NAME", "KIND"], rows);
        Line(text, widths, ["NAME", "KIND", "VALUE"]);
        foreach (var row in rows)
            Line(text, widths, row);
    }

    private static void Layers(StringBuilder text, IReadOnlyList<LayerSummary> layers)
    {
        if (layers.Count == 0)
            return;
        var baseCount = layers.Count(l => l.FromBaseImage);
        text.Append(CultureInfo.InvariantCulture, $"\nlayers ({layers.Count}, {baseCount} from the base image)\n");
        var sizes = layers.Select(l => VerifyFormat.Bytes(l.SizeBytes)).ToList();
        var indexWidth = Math.Max(1, layers.Max(l => l.Index.ToString(CultureInfo.InvariantCulture).Length));
        var sizeWidth = Math.Max("SIZE".Length, sizes.Max(s => s.Length));
        text.Append("  ").Append("#".PadRight(indexWidth)).Append("  ").Append("SIZE".PadLeft(sizeWidth)).Append("  ").Append("FROM").Append("  ").Append("CREATED BY\n");
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            text.Append("  ").Append(layer.Index.ToString(CultureInfo.InvariantCulture).PadRight(indexWidth))
                .Append("  ").Append(sizes[i].PadLeft(sizeWidth))
                .Append("  ").Append(layer.FromBaseImage ? "base" : "app ")
                .Append("  ").Append(TextClip.Shorten(OneLine(layer.CreatedBy), CreatedByWidth, "..."));
            TrimEnd(text);
            text.Append('\n');
        }
    }

    private static void Efficiency(StringBuilder text, LayerEfficiencyScore? efficiency)
    {
        if (efficiency is null)
            return;
        text.Append('\n').Append("efficiency ").Append(VerifyFormat.Percent(efficiency.Efficiency))
            .Append(", wasted ").Append(VerifyFormat.Bytes(efficiency.WastedBytes))
            .Append(", user-wasted ").Append(VerifyFormat.Percent(efficiency.UserWastedRatio))
            .Append(" of ").Append(VerifyFormat.Bytes(efficiency.UserSizeBytes)).Append('\n');
        var top = efficiency.TopWasted.Take(TopWastedShown).ToList();
        if (top.Count == 0)
            return;
        var sizes = top.Select(p => VerifyFormat.Bytes(p.CumulativeBytes)).ToList();
        var sizeWidth = sizes.Max(s => s.Length);
        for (var i = 0; i < top.Count; i++)
            text.Append("  ").Append(sizes[i].PadLeft(sizeWidth)).Append(CultureInfo.InvariantCulture, $"  {top[i].Copies}x  ").Append(OneLine(top[i].Path)).Append('\n');
    }

    private static void Row(StringBuilder text, string label, string value) =>
        text.Append("  ").Append(label.PadRight(9)).Append(value).Append('\n');

    private static int[] Widths(string[] headers, List<string[]> rows) =>
        [.. headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length)))];

    /// <summary>Cells padded to <paramref name="widths"/>, two spaces apart; the last cell is free width. No trailing spaces.</summary>
    private static void Line(StringBuilder text, int[] widths, string[] cells)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                text.Append("  ");
            text.Append(i < widths.Length ? cells[i].PadRight(widths[i]) : cells[i]);
        }
        TrimEnd(text);
        text.Append('\n');
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
            text.Length--;
    }

    private static string OneLine(string text) => VerifyFormat.OneLine(text);

    /// <summary>Multi-line text as printable, non-empty lines (trailing whitespace dropped).</summary>
    private static List<string> Lines(string text) =>
        [.. VerifyFormat.Printable(text).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
}
