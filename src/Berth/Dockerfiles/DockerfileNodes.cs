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
    // The parser leaves Content to be cut from Text when first read (null until then): linting reads comments' Text, hardly
    // ever their Content, and a copy of nearly every comment is not worth making up front. Equality and the hash behave
    // as if it had been set: they go through the property.
    private string? _content = Content;

    /// <summary>A comment line whose Content is what follows the '#' of <paramref name="text"/> (the parser's).</summary>
    internal CommentLine(SourceSpan span, string text, string lineBreak)
        : this(span, text, lineBreak, null!)
    {
    }

    public override SourceSpan Span { get; } = Span;

    public override string Text { get; } = Text; // get-only (as in DockerfileNode): no `with` can change it under a lazy Content

    public override string LineBreak { get; } = LineBreak;

    public string Content
    {
        get => _content ??= ContentOf(Text);
        init => _content = value;
    }

    private static string ContentOf(string text) => text.AsSpan().TrimStart()[1..].ToString();

    public bool Equals(CommentLine? other) =>
        ReferenceEquals(this, other) || (other is not null && base.Equals(other) && Span == other.Span && Text == other.Text
            && LineBreak == other.LineBreak && Content == other.Content);

    public override int GetHashCode() => HashCode.Combine(Span, Text, LineBreak, Content);
}

/// <summary>A parser directive at the top of the file (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>); <see cref="Name"/> is lower-cased.</summary>
public sealed record ParserDirective(
    SourceSpan Span, string Text, string LineBreak, string Name, string Value, SourceSpan NameSpan, SourceSpan ValueSpan) : DockerfileNode
{
    public override SourceSpan Span { get; } = Span;
    public override string Text { get; } = Text;
    public override string LineBreak { get; } = LineBreak;
}
