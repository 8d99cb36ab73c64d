namespace Berth.Generation;

/// <summary>A file <c>berth init</c> wants to write: a '/'-separated path relative to the output folder, and its full text.</summary>
public sealed record GeneratedFile(string Path, string Content, string Purpose);

public enum FileOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>An existing file differs and --force was not given: nothing written, a diff shown.</summary>
    Kept,
    WouldCreate,
    WouldUpdate,
}

public sealed record FileResult(GeneratedFile File, FileOutcome Outcome, string? Diff);
