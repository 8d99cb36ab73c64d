using Berth.Verification;

namespace Berth.Tests.Verification;

public sealed class VerifyReportTests
{
    private static VerifyReport With(params CheckResult[] checks) => new() { Image = "app:1", SizeBytes = 0, Checks = checks };

    [Fact]
    public void Passes_when_something_passed_and_nothing_failed() =>
        Assert.True(With(CheckResult.Pass(VerifyCheck.Build, "built"), CheckResult.Skip(VerifyCheck.WorkerRespawn, "no gunicorn")).Passed);

    [Fact]
    public void Fails_when_any_check_failed()
    {
        var report = With(CheckResult.Pass(VerifyCheck.Build, "built"), CheckResult.Fail(VerifyCheck.GracefulStop, "killed"));
        Assert.False(report.Passed);
        Assert.Equal("FAILED", report.Verdict);
    }

    [Fact]
    public void A_report_where_nothing_ran_does_not_pass()
    {
        Assert.False(With().Passed);
        Assert.Equal("NOTHING PROVEN", With().Verdict);
        Assert.False(With(CheckResult.Skip(VerifyCheck.Build, "--image given"), CheckResult.Skip(VerifyCheck.WorkerRespawn, "no gunicorn")).Passed);
    }
}
