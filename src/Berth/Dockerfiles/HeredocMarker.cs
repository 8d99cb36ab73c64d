namespace Berth.Dockerfiles;

/// <summary>A <c>&lt;&lt;NAME</c>, <c>&lt;&lt;-NAME</c>, <c>&lt;&lt;"NAME"</c>, <c>&lt;&lt;'NAME'</c> or <c>&lt;&lt;\NAME</c> word in RUN, COPY or ADD.</summary>
internal sealed record HeredocMarker(string Name, bool IsQuoted, bool StripsTabs, string? FileDescriptor, SourceSpan Span)
{
    public static IReadOnlyList<HeredocMarker> Find(MappedText logical, int from)
    {
        if (logical.Text.IndexOf("<<", from, StringComparison.Ordinal) < 0)
            return []; // most lines: no need to split them into words (nor a list for no markers)
        var markers = new List<HeredocMarker>();
        foreach (var (start, end) in ArgumentWords.Bounds(logical.Text, from, logical.Length))
        {
            var marker = TryRead(logical, start, end);
            if (marker is not null)
                markers.Add(marker);
        }
        return markers;
    }

    private static HeredocMarker? TryRead(MappedText logical, int start, int end)
    {
        var text = logical.Text;
        var p = start;
        while (p < end && char.IsAsciiDigit(text[p]))
            p++;
        var fd = p > start ? text[start..p] : null;
        if (p + 1 >= end || text[p] != '<' || text[p + 1] != '<')
            return null;
        p += 2;
        if (p < end && text[p] == '<')
            return null; // here-string
        var strip = false;
        if (p < end && text[p] == '-')
        {
            strip = true;
            p++;
        }
        if (p >= end)
            return null;
        var quoted = false;
        var name = new System.Text.StringBuilder();
        var markerEnd = p;
        if (text[p] is '"' or '\'')
        {
            var quote = text[p];
            var close = text.IndexOf(quote, p + 1, end - p - 1);
            if (close < 0 || close >= end)
                return null;
            name.Append(text, p + 1, close - p - 1);
            quoted = true;
            markerEnd = close + 1;
        }
        else
        {
            var q = p;
            while (q < end && !IsMeta(text[q]))
            {
                if (text[q] == '\\' && q + 1 < end)
                {
                    quoted = true;
                    q++;
                }
                else if (text[q] is '"' or '\'')
                {
                    quoted = true;
                    q++;
                    continue;
                }
                name.Append(text[q]);
                q++;
            }
            markerEnd = q;
        }
        if (name.Length == 0)
            return null;
        return new HeredocMarker(name.ToString(), quoted, strip, fd, logical.Span(start, markerEnd));
    }

    private static bool IsMeta(char c) => c is '>' or '<' or '|' or '&' or ';' or ')' or '(' || char.IsWhiteSpace(c);
}
