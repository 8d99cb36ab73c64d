namespace Berth.Apps;

/// <summary>Where a fact came from: a file relative to the scan root ('/' separators) and a 1-based line (0 = the file as a whole).</summary>
public sealed record Evidence(string Fact, string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Fact}" : $"{File}: {Fact}";
}
