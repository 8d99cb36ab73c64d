using System.Globalization;
using System.Text;
using Berth.Verification;

namespace Berth.Reporting;

/// <summary>
/// The image's layers as one horizontal stacked bar in inline SVG: one <c>&lt;rect&gt;</c> per layer, its width proportional
/// to the layer's size, base-image layers in muted greys, the image's own layers in a cycle of blues and violets; each
/// segment carries a <c>&lt;title&gt;</c> tooltip and, when there is room, a label. A scale runs underneath.
/// </summary>
public static class LayerBarChart
{
    public const double Width = 1000;
    private const double BarHeight = 44;
    private const double Height = 70;

    private static readonly string[] AppColors = ["#2563eb", "#7c3aed", "#0891b2", "#4f46e5", "#0d9488", "#9333ea", "#0369a1", "#6d28d9"];
    private static readonly string[] BaseColors = ["#94a3b8", "#b6c2d1"];

    /// <summary>The fill a layer gets, the same in the chart and in the layer table's swatches.</summary>
    public static string Color(IReadOnlyList<LayerSummary> layers, int position)
    {
        var layer = layers[position];
        var sameKindBefore = layers.Take(position).Count(l => l.FromBaseImage == layer.FromBaseImage);
        return layer.FromBaseImage ? BaseColors[sameKindBefore % BaseColors.Length] : AppColors[sameKindBefore % AppColors.Length];
    }

    public static string Render(IReadOnlyList<LayerSummary> layers)
    {
        var total = layers.Sum(l => Math.Max(0, l.SizeBytes));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"layer-chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"100%\" role=\"img\" aria-label=\"{layers.Count} layers, {VerifyFormat.Bytes(total)} in all\">\n");
        double x = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var share = total == 0 ? 1.0 / layers.Count : (double)Math.Max(0, layer.SizeBytes) / total;
            var width = share * Width;
            var title = $"Layer {layer.Index} · {VerifyFormat.Bytes(layer.SizeBytes)} ({VerifyFormat.Percent(share)}){(layer.FromBaseImage ? " · base image" : "")}\n{TextClip.Shorten(VerifyFormat.OneLine(layer.CreatedBy), 300, "...")}";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"segment\"><rect class=\"layer{(layer.FromBaseImage ? " base" : "")}\" x=\"{N(x)}\" y=\"0\" width=\"{N(width)}\" height=\"{N(BarHeight)}\" fill=\"{Color(layers, i)}\"><title>{HtmlText.Escape(title)}</title></rect>");
            if (Label(layer, width) is { } label)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + width / 2)}\" y=\"{N(BarHeight / 2 + 4.5)}\" text-anchor=\"middle\" class=\"{(layer.FromBaseImage ? "on-base" : "on-app")}\">{HtmlText.Escape(label)}</text>");
            svg.Append("</g>\n");
            x += width;
        }
        Scale(svg, total);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>"#3 · 45.2 MB" when it fits the segment, else the size alone, else nothing (the tooltip still has it).</summary>
    private static string? Label(LayerSummary layer, double width)
    {
        var size = VerifyFormat.Bytes(layer.SizeBytes);
        string[] candidates = [$"#{layer.Index.ToString(CultureInfo.InvariantCulture)} · {size}", size, $"#{layer.Index.ToString(CultureInfo.InvariantCulture)}"];
        return candidates.FirstOrDefault(c => c.Length * 7.2 + 14 <= width);
    }

    /// <summary>Ticks at 0, 25, 50, 75 and 100% of the image, labelled with the size at that point.</summary>
    private static void Scale(StringBuilder svg, long total)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" y1=\"{N(BarHeight + 6)}\" x2=\"{N(Width)}\" y2=\"{N(BarHeight + 6)}\"/>");
        for (var quarter = 0; quarter <= 4; quarter++)
        {
            var x = Width * quarter / 4;
            var anchor = quarter == 0 ? "start" : quarter == 4 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(x)}\" y1=\"{N(BarHeight + 3)}\" x2=\"{N(x)}\" y2=\"{N(BarHeight + 9)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(x)}\" y=\"{N(Height - 2)}\" text-anchor=\"{anchor}\">{HtmlText.Escape(VerifyFormat.Bytes(total * quarter / 4))}</text>");
        }
        svg.Append('\n');
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
