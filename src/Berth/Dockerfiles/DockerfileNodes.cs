namespace Berth.Dockerfiles;

/// <summary>
/// One top-level piece of a Dockerfile: a blank line, a comment, a parser directive or an
/// instruction (with its continuation lines, embedded comments and heredoc bodies).
/// <see cref="Text"/> is the exact source slice without the final line break, which is kept in
/// <see cref="LineBreak"/> ("\n", "\r\n" or "" at the end of the file).
/// </summary>
public abstract record DockerfileNode
{
    public abstract SourceSpan Span { get; }

    public abstract string Text { get; }

    public abstract string LineBreak { get; }
}

public sealed record BlankLine(SourceSpan Span, string Text, string LineBreak) : DockerfileNode
{
    public override SourceSpan Span { get; } = Span;
    public override string Text { get; } = Text;
    public override string LineBreak { get; } = LineBreak;
}

/// <summary>A comment line outside an instruction; <see cref="Content"/> is what follows the '#', untrimmed.</summary>
public sealed record CommentLine(SourceSpan Span, string Text, string LineBreak, string Content) : DockerfileNode
{
    public override SourceSpan Span { get; } = Span;
    public override string Text { get; } = Text;
    public override string LineBreak { get; } = LineBreak;
}

/// <summary>A parser directive at the top of the file (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>); <see cref="Name"/> is lower-cased.</summary>
public sealed record ParserDirective(
    SourceSpan Span, string Text, string LineBreak, string Name, string Value, SourceSpan NameSpan, SourceSpan ValueSpan) : DockerfileNode
{
    public override SourceSpan Span { get; } = Span;
    public override string Text { get; } = Text;
    public override string LineBreak { get; } = LineBreak;
}
