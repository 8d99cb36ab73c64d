namespace Berth.EndToEnd.Proof;

/// <summary>Every failed check of one proof run, plus the container's logs for the report.</summary>
public sealed record ProofOutcome(Checklist Checks, string Logs);
