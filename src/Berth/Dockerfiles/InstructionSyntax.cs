namespace Berth.Dockerfiles;

public enum InstructionKind
{
    Unknown,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
}

/// <summary>A BuildKit flag before the arguments: <c>--name=value</c> or <c>--name</c> (then <see cref="Value"/> is null).</summary>
public sealed record InstructionFlag(string Name, string? Value, string Raw, SourceSpan Span, SourceSpan NameSpan, SourceSpan? ValueSpan);

/// <summary>
/// A word of the arguments: <see cref="Raw"/> as written, <see cref="Value"/> with quotes and
/// escapes removed (variables are not expanded; see <see cref="VariableExpander"/>).
/// </summary>
public sealed record ArgumentWord(string Raw, string Value, SourceSpan Span);

/// <summary>
/// A heredoc attached to RUN, COPY or ADD. <see cref="Body"/> is the raw text between the marker
/// line and the terminator (with line breaks); <see cref="Content"/> has leading tabs removed
/// when the marker was <c>&lt;&lt;-</c>. A quoted delimiter means no variable expansion.
/// </summary>
public sealed record Heredoc(
    string Name,
    bool IsQuoted,
    bool StripsTabs,
    string? FileDescriptor,
    SourceSpan MarkerSpan,
    string Body,
    string Content,
    SourceSpan BodySpan,
    SourceSpan? TerminatorSpan)
{
    public bool IsTerminated => TerminatorSpan is not null;
}

/// <summary>The arguments after the flags, as Docker reads them: continuations joined, comment lines dropped.</summary>
public sealed class InstructionArguments
{
    private readonly MappedText _text;

    internal InstructionArguments(MappedText text)
    {
        _text = text;
    }

    public string Text => _text.Text;

    public SourceSpan Span => _text.Span(0, _text.Length);

    /// <summary>The document span of characters [start, end) of <see cref="Text"/>.</summary>
    public SourceSpan SpanOf(int start, int end) => _text.Span(start, end);

    internal MappedText Mapped => _text;
}

/// <summary>What every instruction has, whatever its kind.</summary>
public sealed record InstructionSyntax(
    SourceSpan Span,
    string Text,
    string LineBreak,
    string Keyword,
    SourceSpan KeywordSpan,
    InstructionKind Kind,
    IReadOnlyList<InstructionFlag> Flags,
    InstructionArguments Arguments,
    IReadOnlyList<Heredoc> Heredocs,
    IReadOnlyList<SourceSpan> CommentLines,
    IReadOnlyList<SourceSpan> EmptyContinuationLines);
