using System.Globalization;
using Berth.Verification.Images;

namespace Berth.Verification.Checks;

/// <summary>Size and layer-efficiency checks over the saved image.</summary>
public static class ImageChecks
{
    public const long DefaultSizeBudgetBytes = 300L * 1000 * 1000;
    public const double LowestEfficiency = 0.9;
    public const double HighestUserWastedRatio = 0.1;

    public static CheckResult Size(ImageFacts image, long? budgetBytes)
    {
        var budget = budgetBytes ?? DefaultSizeBudgetBytes;
        var source = budgetBytes is null ? "default budget" : "--size-budget";
        var size = image.Inspection.Size;
        var largest = image.Layers.Where(l => l.Index >= image.BaseLayerCount).OrderByDescending(l => l.Size).Take(3)
            .Select(l => $"{Megabytes(l.Size)}  {image.LayerLabel(l.Index)}").ToList();
        var baseSize = image.Layers.Take(image.BaseLayerCount).Sum(l => l.Size);
        var detail = $"{Megabytes(size)} ({source} {Megabytes(budget)}; base image {Megabytes(baseSize)}, own layers {Megabytes(size - baseSize)})";
        return CheckResult.Of(VerifyCheck.ImageSize, size <= budget, detail, largest);
    }

    public static CheckResult Efficiency(LayerEfficiencyScore score)
    {
        var passed = score.Efficiency >= LowestEfficiency && score.UserWastedRatio <= HighestUserWastedRatio;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"efficiency {score.Efficiency:P1} (lowest {LowestEfficiency:P0}), {Megabytes(score.WastedBytes)} in files rewritten by later layers = {score.UserWastedRatio:P1} of the image's own bytes (highest {HighestUserWastedRatio:P0})");
        var evidence = score.TopWasted.Select(w => $"{w.Path}: {w.Copies} copies, {Megabytes(w.CumulativeBytes)}").ToList();
        return CheckResult.Of(VerifyCheck.LayerEfficiency, passed, detail, evidence);
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB");
}
