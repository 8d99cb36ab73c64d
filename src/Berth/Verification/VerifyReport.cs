namespace Berth.Verification;

/// <summary>Everything <c>berth verify</c> learned: the image, its layers, the checks, and which environment values it had to invent.</summary>
public sealed record VerifyReport
{
    public required string Image { get; init; }

    public required long SizeBytes { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    public IReadOnlyList<LayerSummary> Layers { get; init; } = [];

    public LayerEfficiencyScore? Efficiency { get; init; }

    /// <summary>Required variables verify filled with placeholders (names and kinds; secret placeholders are never shown).</summary>
    public IReadOnlyList<InventedVariable> InventedEnvironment { get; init; } = [];

    /// <summary>The engine that ran it (client name and server version).</summary>
    public string Engine { get; init; } = "";

    /// <summary>Wall time of the whole run, build included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>What verify assumed or could not use (e.g. no app found: port and health route come from the image's EXPOSE and HEALTHCHECK).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>No check failed and at least one passed: a report where everything was skipped proves nothing.</summary>
    public bool Passed => Checks.Any(c => c.Status == CheckStatus.Pass) && Checks.All(c => c.Status != CheckStatus.Fail);

    /// <summary>PASSED, FAILED (a check failed), or NOTHING PROVEN (no check failed, none passed).</summary>
    public string Verdict => Passed ? "PASSED" : Checks.Any(c => c.Status == CheckStatus.Fail) ? "FAILED" : "NOTHING PROVEN";
}

/// <summary>One image layer as the report shows it: its size and the instruction that made it.</summary>
public sealed record LayerSummary(int Index, long SizeBytes, string CreatedBy, bool FromBaseImage);

/// <summary>dive's numbers: efficiency = Σ smallest copy / Σ all copies over every path; wasted bytes = all copies of paths present in two or more layers.</summary>
public sealed record LayerEfficiencyScore(double Efficiency, long WastedBytes, long UserSizeBytes, double UserWastedRatio, IReadOnlyList<WastedPath> TopWasted);

public sealed record WastedPath(string Path, int Copies, long CumulativeBytes);

/// <summary>A required variable the app reads that the user gave no value for; verify made one up so the app can start.</summary>
public sealed record InventedVariable(string Name, string Kind, string? ShownValue);
