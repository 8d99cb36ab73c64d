namespace Berth.Apps.Python.Source;

/// <summary>The kinds of token the reader tells apart. Comments and blanks never become tokens.</summary>
internal enum PythonTokenKind
{
    Name,
    Number,
    String,
    Operator,
    /// <summary>End of a logical line (never inside brackets or after a backslash continuation).</summary>
    Newline,
    EndOfFile,
}

/// <summary>
/// One token. Text is the identifier, number or operator as written; for a string it is the decoded value
/// (and <see cref="Literal"/> says whether it was a byte or f-string). Start/End are offsets in the source text.
/// </summary>
internal readonly record struct PythonToken(PythonTokenKind Kind, string Text, int Line, int Start, int End, PythonStringLiteral? Literal = null)
{
    public bool IsOperator(string op) => Kind == PythonTokenKind.Operator && string.Equals(Text, op, StringComparison.Ordinal);

    public bool IsName(string name) => Kind == PythonTokenKind.Name && string.Equals(Text, name, StringComparison.Ordinal);
}

/// <summary>A string token's decoded value; for f-strings, where each replacement field's source lies.</summary>
internal sealed record PythonStringLiteral(string Value, bool IsBytes, bool IsFormatted, IReadOnlyList<FormattedField> Fields);

/// <summary>Source range [Start, End) of one f-string replacement field, beginning on Line.</summary>
internal readonly record struct FormattedField(int Start, int End, int Line);
