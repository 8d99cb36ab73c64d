using Berth.Dockerfiles;

namespace Berth.Linting;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>One problem in one file. Positions are 1-based. Message never carries a secret's value.</summary>
public sealed record Finding(
    string Rule,
    string Name,
    Severity Severity,
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    string? Fix)
{
    public static Finding At(RuleInfo rule, string file, SourceSpan span, string message, string? fix = null) =>
        new(rule.Id, rule.Name, rule.Severity, file, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, message, fix);
}

/// <summary>What a rule is: its ID (never reused), kebab-case name, default severity, one-line summary, and the peer IDs it covers.</summary>
public sealed record RuleInfo(string Id, string Name, Severity Severity, string Summary, IReadOnlyList<string> Covers);
