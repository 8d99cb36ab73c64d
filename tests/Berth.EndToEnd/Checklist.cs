namespace Berth.EndToEnd;

/// <summary>Collects independent check failures so one run reports all of them, not just the first.</summary>
public sealed class Checklist
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Check(bool ok, string failure)
    {
        if (!ok)
            _failures.Add(failure);
    }

    public void Fail(string failure) => _failures.Add(failure);

    public void AddRange(IEnumerable<string> failures) => _failures.AddRange(failures);

    /// <summary>Fails the test listing every failure, followed by <paramref name="context"/> (Dockerfile, logs...).</summary>
    public void AssertEmpty(Func<string> context)
    {
        if (_failures.Count == 0)
            return;
        var lines = string.Join('\n', _failures.Select((f, i) => $"  {i + 1}. {f}"));
        Assert.Fail($"{_failures.Count} check(s) failed:\n{lines}\n\n{context()}");
    }
}
