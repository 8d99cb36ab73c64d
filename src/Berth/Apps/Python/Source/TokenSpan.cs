namespace Berth.Apps.Python.Source;

/// <summary>A window [Start, End) over a logical line's tokens.</summary>
internal readonly record struct TokenSpan(IReadOnlyList<PythonToken> Tokens, int Start, int End)
{
    public int Count => End - Start;

    public PythonToken this[int index] => Tokens[Start + index];

    public TokenSpan Slice(int from) => new(Tokens, Start + Math.Min(from, Count), End);

    public TokenSpan Slice(int from, int count) => new(Tokens, Start + from, Start + from + count);

    /// <summary>Index (relative to this span) of the first operator <paramref name="op"/> outside brackets, or -1.</summary>
    public int IndexOfTopLevel(string op, int from = 0)
    {
        var depth = 0;
        for (var i = Start + from; i < End; i++)
        {
            var token = Tokens[i];
            if (token.Kind != PythonTokenKind.Operator)
            {
                continue;
            }

            switch (token.Text)
            {
                case "(" or "[" or "{":
                    depth++;
                    break;
                case ")" or "]" or "}":
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (depth == 0 && string.Equals(token.Text, op, StringComparison.Ordinal))
                    {
                        return i - Start;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>Splits on a top-level operator (e.g. ';'), dropping empty pieces.</summary>
    public List<TokenSpan> SplitTopLevel(string op)
    {
        var pieces = new List<TokenSpan>();
        var from = 0;
        while (from < Count)
        {
            var at = IndexOfTopLevel(op, from);
            var end = at < 0 ? Count : at;
            if (end > from)
            {
                pieces.Add(Slice(from, end - from));
            }

            from = end + 1;
        }

        return pieces;
    }

    /// <summary>The source text the span covers, whitespace runs (including line breaks) collapsed to one space.</summary>
    public string SourceText(string text)
    {
        if (Count == 0)
        {
            return "";
        }

        var start = this[0].Start;
        var end = this[Count - 1].End;
        return string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
