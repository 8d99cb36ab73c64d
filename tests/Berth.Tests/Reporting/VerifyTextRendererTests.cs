using Berth.Reporting;
using Berth.Verification;

namespace Berth.Tests.Reporting;

public sealed class VerifyTextRendererTests
{
    [Fact]
    public void Prints_the_whole_report()
    {
        Assert.Equal(
            """
            berth verify: FAILED
              image    berth-verify/shop:latest
              size     142.3 MB (142,312,448 bytes)
              engine   docker 27.3.1
              elapsed  1 m 23 s

            checks
              STATUS  ID     NAME              DETAIL
              PASS    BV101  build             built in 41.2 s
              FAIL    BV301  non-root-user     User is "root", not a numeric uid
                                               | docker image inspect: .Config.User = "root"
                                               | line one
                                               | line two
              SKIP    BV406  gunicorn-workers  the command is not gunicorn

            invented environment (required, no value given; verify made one up)
              NAME          KIND    VALUE
              DATABASE_URL  url     postgresql://verify:verify@localhost:5432/verify
              SECRET_KEY    secret  (random)

            layers (2, 1 from the base image)
              #     SIZE  FROM  CREATED BY
              0  74.8 MB  base  /bin/sh -c #(nop) ADD file:0a5d1b4c in /
              1  67.5 MB  app   RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit

            efficiency 97.3%, wasted 3.4 MB, user-wasted 5.1% of 67.5 MB
              2.4 MB  2x  /app/static/bundle.js

            1 passed, 1 failed, 1 skipped

            """,
            VerifyTextRenderer.Render(VerifySamples.Small()));
    }

    [Fact]
    public void Realistic_report_has_every_check_and_layer_and_no_colour_codes()
    {
        var report = VerifySamples.Realistic();
        var text = VerifyTextRenderer.Render(report);
        var lines = text.Split('\n');
        foreach (var check in report.Checks)
            Assert.Single(lines, l => l.StartsWith($"  {VerifyFormat.StatusLabel(check.Status)}    {check.Id}  ", StringComparison.Ordinal));
        var layersAt = Array.IndexOf(lines, "layers (12, 4 from the base image)");
        Assert.True(layersAt > 0, text);
        Assert.Equal("  #      SIZE  FROM  CREATED BY", lines[layersAt + 1]);
        Assert.All(lines[(layersAt + 2)..(layersAt + 14)], l => Assert.Matches(@"^  \d+ +[0-9.]+ k?M?B  (base|app )  \S", l));
        Assert.Equal("", lines[layersAt + 14]);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
        Assert.EndsWith("\n18 passed, 3 failed, 3 skipped\n", text);
        Assert.Equal(text, VerifyTextRenderer.Render(VerifySamples.Realistic()));
    }

    [Fact]
    public void Evidence_is_shown_only_under_failures()
    {
        var text = VerifyTextRenderer.Render(VerifySamples.Realistic());
        Assert.Contains("| HTTP/1.1 405 METHOD NOT ALLOWED\n", text);
        Assert.DoesNotContain("health-get: ok", text);
    }

    [Fact]
    public void Long_created_by_is_cut_to_80_characters_on_one_line()
    {
        var report = VerifySamples.Small() with
        {
            Layers = [new LayerSummary(0, 10, "RUN /bin/sh -c set -eux; \\\n\tapt-get update; " + new string('x', 200), false)],
        };
        var line = Assert.Single(VerifyTextRenderer.Render(report).Split('\n'), l => l.Contains("apt-get update", StringComparison.Ordinal));
        var createdBy = line[(line.IndexOf("RUN", StringComparison.Ordinal))..];
        Assert.Equal(VerifyTextRenderer.CreatedByWidth, createdBy.Length);
        Assert.StartsWith("RUN /bin/sh -c set -eux; \\ apt-get update; xxx", createdBy);
        Assert.EndsWith("x...", createdBy);
    }

    [Fact]
    public void Control_characters_from_the_engine_do_not_reach_the_terminal()
    {
        var report = VerifySamples.Small() with
        {
            Checks = [CheckResult.Fail(VerifyCheck.Build, "build failed\u001b[31m red", "\u001b[1mstep 3/9\u001b[0m\r\nexit 1")],
        };
        var text = VerifyTextRenderer.Render(report);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("build failed?[31m red", text);
        Assert.Contains("| ?[1mstep 3/9?[0m\n", text);
        Assert.Contains("| exit 1\n", text);
    }

    [Fact]
    public void Empty_report_says_so()
    {
        var report = new VerifyReport { Image = "x", SizeBytes = 0, Checks = [] };
        Assert.Equal(
            "berth verify: NOTHING PROVEN\n  image    x\n  size     0 B (0 bytes)\n  engine   unknown\n  elapsed  0 ms\n\nchecks\n  none ran\n\n0 passed, 0 failed, 0 skipped\n",
            VerifyTextRenderer.Render(report));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.0 kB")]
    [InlineData(12_400, "12.4 kB")]
    [InlineData(999_949, "999.9 kB")]
    [InlineData(999_950, "1.0 MB")]
    [InlineData(142_312_448, "142.3 MB")]
    [InlineData(1_210_000_000, "1.21 GB")]
    public void Sizes_are_decimal_like_docker_prints_them(long bytes, string expected) =>
        Assert.Equal(expected, VerifyFormat.Bytes(bytes));

    [Theory]
    [InlineData(0.85, "850 ms")]
    [InlineData(42.74, "42.7 s")]
    [InlineData(123, "2 m 03 s")]
    [InlineData(3720, "1 h 02 m")]
    public void Elapsed_times_read_naturally(double seconds, string expected) =>
        Assert.Equal(expected, VerifyFormat.Elapsed(TimeSpan.FromSeconds(seconds)));
}
