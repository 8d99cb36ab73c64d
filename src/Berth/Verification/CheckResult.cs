namespace Berth.Verification;

public enum CheckStatus
{
    Pass,
    Fail,
    Skip,
}

/// <summary>
/// One line of the verify checklist: what was checked, how it came out, a one-line detail for people,
/// and the evidence (what the engine said) a reviewer can check by hand.
/// </summary>
public sealed record CheckResult(string Id, string Name, CheckStatus Status, string Detail, IReadOnlyList<string> Evidence)
{
    public static CheckResult Pass(VerifyCheck check, string detail, params IReadOnlyList<string> evidence) => new(check.Id, check.Name, CheckStatus.Pass, detail, evidence);

    public static CheckResult Fail(VerifyCheck check, string detail, params IReadOnlyList<string> evidence) => new(check.Id, check.Name, CheckStatus.Fail, detail, evidence);

    public static CheckResult Skip(VerifyCheck check, string detail, params IReadOnlyList<string> evidence) => new(check.Id, check.Name, CheckStatus.Skip, detail, evidence);

    public static CheckResult Of(VerifyCheck check, bool passed, string detail, params IReadOnlyList<string> evidence) =>
        new(check.Id, check.Name, passed ? CheckStatus.Pass : CheckStatus.Fail, detail, evidence);
}
