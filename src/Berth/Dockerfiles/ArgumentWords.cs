namespace Berth.Dockerfiles;

/// <summary>Splits instruction arguments into whitespace-separated words; quotes keep spaces inside a word.</summary>
internal static class ArgumentWords
{
    /// <summary>Word bounds in [from, to) of text: a quote runs to its closing quote, the escape char protects the next char.</summary>
    public static List<(int Start, int End)> Bounds(string text, int from, int to, char escape = '\\')
    {
        var bounds = new List<(int, int)>();
        var p = from;
        while (p < to)
        {
            while (p < to && char.IsWhiteSpace(text[p]))
                p++;
            if (p >= to)
                break;
            var start = p;
            p = WordEnd(text, p, to, escape);
            bounds.Add((start, p));
        }
        return bounds;
    }

    /// <summary>Where the word that starts at <paramref name="start"/> (not whitespace) ends, as <see cref="Bounds"/> reads words.</summary>
    public static int WordEnd(string text, int start, int to, char escape = '\\')
    {
        var p = start;
        while (p < to && !char.IsWhiteSpace(text[p]))
        {
            var c = text[p];
            if (c == escape && p + 1 < to)
            {
                p += 2;
            }
            else if (c is '"' or '\'')
            {
                p++;
                while (p < to && text[p] != c)
                {
                    if (c == '"' && text[p] == escape && p + 1 < to)
                        p++;
                    p++;
                }
                if (p < to)
                    p++;
            }
            else
            {
                p++;
            }
        }
        return p;
    }

    /// <summary>
    /// Whitespace-separated words as BuildKit reads FROM, EXPOSE, and the shell form of COPY, ADD and
    /// VOLUME: quotes do not join words (paths with spaces need the JSON form); each value is unquoted.
    /// </summary>
    public static List<ArgumentWord> SplitOnWhitespace(MappedText text, char escape = '\\')
    {
        var words = new List<ArgumentWord>();
        var s = text.Text;
        var p = 0;
        while (p < s.Length)
        {
            while (p < s.Length && char.IsWhiteSpace(s[p]))
                p++;
            var start = p;
            while (p < s.Length && !char.IsWhiteSpace(s[p]))
                p++;
            if (p > start)
            {
                var raw = s[start..p];
                words.Add(new ArgumentWord(raw, Unquote(raw, escape), text.Span(start, p))); // Value is Raw itself when nothing is quoted
            }
        }
        return words;
    }

    /// <summary>Removes quotes and escapes, keeping everything else (no variable expansion).</summary>
    public static string Unquote(string raw, char escape = '\\')
    {
        if (raw.AsSpan().IndexOfAny('"', '\'', escape) < 0)
            return raw;
        // The value is never longer than the word: write it into a buffer on the stack (a short word) instead of a StringBuilder.
        var value = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        for (var p = 0; p < raw.Length; p++)
        {
            var c = raw[p];
            if (c == '\'')
            {
                var close = raw.IndexOf('\'', p + 1);
                if (close < 0)
                    close = raw.Length;
                raw.AsSpan(p + 1, close - p - 1).CopyTo(value[length..]);
                length += close - p - 1;
                p = close;
            }
            else if (c == '"')
            {
                p++;
                while (p < raw.Length && raw[p] != '"')
                {
                    if (raw[p] == escape && p + 1 < raw.Length && raw[p + 1] is '"' or '\\' or '$' or '`')
                        p++;
                    value[length++] = raw[p];
                    p++;
                }
            }
            else if (c == escape && p + 1 < raw.Length)
            {
                p++;
                value[length++] = raw[p];
            }
            else
            {
                value[length++] = c;
            }
        }
        return new string(value[..length]);
    }
}
