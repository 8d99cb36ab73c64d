using System.Diagnostics;
using Berth.Reporting;
using Berth.Tests.Support;

namespace Berth.Tests.Reporting;

/// <summary>
/// Renders the realistic report in headless Chromium and checks the screenshot is a real page: a 1200px-wide PNG with
/// the verdict's red, the chart's colours and plenty of ink. Skips loudly when no Chromium is installed. A copy of the
/// screenshot (and the page) is left at <see cref="SavedCopy"/> (and <see cref="SavedHtml"/>) for people to look at.
/// </summary>
public sealed class VerifyHtmlScreenshotTests
{
    public const string SavedCopy = "/tmp/berth-verify-report.png";
    public const string SavedHtml = "/tmp/berth-verify-report.html";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Chromium_renders_the_report()
    {
        var chromium = FindChromium();
        if (chromium is null)
            Assert.Skip("NO CHROMIUM: neither /usr/bin/chromium nor chromium on PATH; the HTML report was not rendered (apt-get install chromium)");

        var dir = Directory.CreateTempSubdirectory("berth-verify-html-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");
            var png = Path.Combine(dir.FullName, "report.png");
            File.WriteAllText(html, VerifyHtmlRenderer.Render(VerifySamples.Realistic()));
            File.Copy(html, SavedHtml, overwrite: true);
            var (exitCode, output) = Run(chromium,
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                "--force-device-scale-factor=1", "--window-size=1200,1800", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                $"--screenshot={png}", new Uri(html).AbsoluteUri,
            ]);
            Assert.True(File.Exists(png), $"chromium (exit {exitCode}) wrote no screenshot:\n{output}");
            var bytes = File.ReadAllBytes(png);
            File.Copy(png, SavedCopy, overwrite: true);

            Assert.True(bytes.AsSpan().StartsWith(PngImage.Signature), "the screenshot is not a PNG");
            Assert.True(bytes.Length > 40_000, $"the screenshot is only {bytes.Length} bytes: a blank page?");
            var image = PngImage.Decode(bytes);
            Assert.Equal(1200, image.Width);
            Assert.Equal(1800, image.Height);

            var colours = image.Pixels.Distinct().Count();
            Assert.True(colours > 200, $"only {colours} distinct colours: the page looks blank");
            var background = image.Pixels.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
            var ink = image.Pixels.Count(p => p != background) / (double)image.Pixels.Count;
            Assert.True(ink > 0.2, $"only {ink:P0} of the screenshot differs from the background");
            // The FAILED badge and fail pills (#b91c1c), an app layer (#2563eb) and a base layer (#94a3b8) are on screen.
            Assert.Contains(0xb91c1cu, image.Pixels);
            Assert.Contains(0x2563ebu, image.Pixels);
            Assert.Contains(0x94a3b8u, image.Pixels);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? FindChromium()
    {
        if (File.Exists("/usr/bin/chromium"))
            return "/usr/bin/chromium";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
