using System.Text.RegularExpressions;
using Berth.Reporting;
using Berth.Verification;

namespace Berth.Tests.Reporting;

public sealed partial class VerifyHtmlRendererTests
{
    [Fact]
    public void Text_from_the_report_is_escaped()
    {
        var report = VerifySamples.Small() with
        {
            Image = "shop:<b>latest</b>",
            Checks =
            [
                CheckResult.Fail(VerifyCheck.Build, "<script>alert('x')</script> & \"quoted\"", "<img src=x onerror=alert(1)>"),
                CheckResult.Pass(new VerifyCheck("BV9\"9", "we<ird", ""), "ok"),
            ],
            Layers = [new LayerSummary(0, 10, "RUN echo '</title></rect><script>alert(2)</script>'", false)],
            InventedEnvironment = [new InventedVariable("A<B", "k&ind", "v\"al'ue")],
        };
        var html = VerifyHtmlRenderer.Render(report);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("<h1>shop:&lt;b&gt;latest&lt;/b&gt;</h1>", html);
        Assert.Contains("<code>A&lt;B</code>", html);
        Assert.Contains("v&quot;al&#39;ue", html);
        Assert.Contains("id=\"check-BV9-9\"", html);
        Assert.Contains("we&lt;ird", html);
        Assert.Equal(2, Regex.Count(html, "</title>")); // the page's and the one layer's tooltip
    }

    [Fact]
    public void Is_self_contained()
    {
        var html = VerifyHtmlRenderer.Render(VerifySamples.Small());
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        // The realistic report quotes URLs in its text (a curl command, a wget in created_by), but nothing is fetched.
        var realistic = VerifyHtmlRenderer.Render(VerifySamples.Realistic());
        foreach (var page in new[] { html, realistic })
        {
            Assert.DoesNotContain(" src=", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@font-face", page, StringComparison.OrdinalIgnoreCase);
            Assert.All(Href().Matches(page), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", page);
            Assert.EndsWith("</html>\n", page);
            Assert.DoesNotContain('\r', page);
        }
    }

    [Fact]
    public void Every_check_is_in_the_table_with_its_status()
    {
        var report = VerifySamples.Realistic();
        var html = VerifyHtmlRenderer.Render(report);
        foreach (var check in report.Checks)
        {
            var status = VerifyFormat.StatusWord(check.Status);
            Assert.Contains($"<tr id=\"check-{check.Id}\" class=\"{status}\"><td><span class=\"pill {status}\">{VerifyFormat.StatusLabel(check.Status)}</span></td><td><code>{check.Id}</code></td>", html);
        }
        Assert.Contains("<span class=\"verdict fail\">FAILED</span>", html);
        Assert.Contains("<strong>3 checks failed:</strong>", html);
        Assert.Contains("<a href=\"#check-BV403\">", html);
        // Failures open their evidence; passes keep it folded.
        Assert.Contains("<details open><summary>Evidence (3)</summary><pre>curl -sS -I http://127.0.0.1:32768/healthz\nHTTP/1.1 405 METHOD NOT ALLOWED\nAllow: GET, OPTIONS</pre></details>", html);
        Assert.Contains("<details><summary>Evidence (1)</summary><pre>build: ok</pre></details>", html);
    }

    [Fact]
    public void Passing_report_has_a_passed_badge_and_no_failure_callout()
    {
        var report = VerifySamples.Small() with { Checks = [CheckResult.Pass(VerifyCheck.Build, "built")] };
        var html = VerifyHtmlRenderer.Render(report);
        Assert.Contains("<span class=\"verdict pass\">PASSED</span>", html);
        Assert.DoesNotContain("class=\"callout\"", html);
    }

    [Fact]
    public void Layer_chart_has_one_rect_per_layer_proportional_to_size()
    {
        var report = VerifySamples.Realistic();
        var html = VerifyHtmlRenderer.Render(report);
        var svg = Svg().Match(html);
        Assert.True(svg.Success);
        Assert.Single(Svg().Matches(html));
        var rects = Rect().Matches(svg.Value).ToList();
        Assert.Equal(report.Layers.Count, Regex.Count(svg.Value, "<rect"));
        Assert.Equal(report.Layers.Count, rects.Count);
        var total = report.Layers.Sum(l => l.SizeBytes);
        double x = 0;
        for (var i = 0; i < rects.Count; i++)
        {
            var layer = report.Layers[i];
            Assert.Equal(x, double.Parse(rects[i].Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture), 0.1);
            var width = double.Parse(rects[i].Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1000.0 * layer.SizeBytes / total, width, 0.01);
            Assert.Equal(layer.FromBaseImage, rects[i].Groups["class"].Value == "layer base");
            Assert.StartsWith($"Layer {layer.Index} · {VerifyFormat.Bytes(layer.SizeBytes)}", rects[i].Groups["title"].Value, StringComparison.Ordinal);
            x += width;
        }
        Assert.Equal(1000, x, 0.1);
        Assert.Equal(report.Layers.Count, Regex.Count(html, "<td class=\"cmd\""));
    }

    [Fact]
    public void Base_layers_are_muted_and_secrets_are_not_shown()
    {
        var html = VerifyHtmlRenderer.Render(VerifySamples.Realistic());
        Assert.Contains("class=\"layer base\" x=\"0\" y=\"0\" width=\"", html);
        Assert.Contains("fill=\"#94a3b8\"", html);
        Assert.Contains("<tr><td><code>SECRET_KEY</code></td><td>secret</td><td><span class=\"muted\">(random, not shown)</span></td></tr>", html);
        Assert.Contains("<code>redis://127.0.0.1:6379/0</code>", html);
        Assert.Contains("<code>/var/cache/debconf/templates.dat</code>", html);
    }

    [Fact]
    public void Is_deterministic()
    {
        Assert.Equal(VerifyHtmlRenderer.Render(VerifySamples.Realistic()), VerifyHtmlRenderer.Render(VerifySamples.Realistic()));
    }

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex(@"<rect class=""(?<class>[^""]*)"" x=""(?<x>[0-9.]+)"" y=""0"" width=""(?<w>[0-9.]+)""[^>]*><title>(?<title>[^<]*)</title></rect>")]
    private static partial Regex Rect();
}
