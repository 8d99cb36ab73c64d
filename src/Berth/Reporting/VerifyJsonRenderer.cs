using System.Text.Json;
using Berth.Verification;

namespace Berth.Reporting;

/// <summary>
/// <c>berth verify --format json</c>: the report as <see cref="VerifyJsonReport"/> through the source-generated
/// <see cref="BerthJsonContext"/> (AOT-safe). Indented with LF line ends and a trailing newline; quotes and angle brackets in
/// evidence stay readable (relaxed escaping: the output is a file or a pipe, never inlined into HTML).
/// </summary>
public static class VerifyJsonRenderer
{
    public static string Render(VerifyReport report) =>
        JsonSerializer.Serialize(ToJson(report), BerthJsonContext.Readable.VerifyJsonReport) + "\n";

    public static VerifyJsonReport ToJson(VerifyReport report) => new(
        report.Image,
        report.SizeBytes,
        report.Passed,
        report.Engine,
        Math.Round(report.Elapsed.TotalSeconds, 3),
        [.. report.Checks.Select(c => new VerifyJsonCheck(c.Id, c.Name, VerifyFormat.StatusWord(c.Status), c.Detail, c.Evidence))],
        [.. report.Layers.Select(l => new VerifyJsonLayer(l.Index, l.SizeBytes, l.CreatedBy, l.FromBaseImage))],
        report.Efficiency is { } e
            ? new VerifyJsonEfficiency(e.Efficiency, e.WastedBytes, e.UserSizeBytes, e.UserWastedRatio,
                [.. e.TopWasted.Select(p => new VerifyJsonWastedPath(p.Path, p.Copies, p.CumulativeBytes))])
            : null,
        [.. report.InventedEnvironment.Select(v => new VerifyJsonVariable(v.Name, v.Kind, v.ShownValue))],
        report.Notes);
}
