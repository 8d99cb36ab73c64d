namespace Berth.Dockerfiles;

/// <summary>
/// Reads a Dockerfile as BuildKit does (directives, continuations, comments and blank lines inside
/// continuations, heredocs) into a <see cref="DockerfileDocument"/> whose nodes keep every byte.
/// Never throws for bad input: problems become <see cref="DockerfileDiagnostic"/>s. Linear time.
/// </summary>
public static class DockerfileParser
{
    private static readonly string[] KnownDirectives = ["syntax", "escape", "check"];

    public static DockerfileDocument Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var map = new LineMap(text, bom);
        var lines = new PhysicalLines(text, map);
        var diagnostics = new List<DockerfileDiagnostic>();
        var nodes = new List<DockerfileNode>(lines.Count); // at most one node per line: one allocation instead of a growing list
        var escape = '\\';
        HashSet<string>? seen = null; // directives are rare: no set until one is read
        var inDirectives = true;
        var segments = new List<(int Start, int Stop)>(); // scratch for ReadInstruction, reused by every instruction

        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (inDirectives)
            {
                var directive = ReadDirective(text, line, map);
                if (directive is not null)
                {
                    if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(directive.Name))
                    {
                        diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.DuplicateDirective,
                            $"only one {directive.Name} parser directive can be used", directive.Span));
                    }
                    else if (directive.Name == "escape")
                    {
                        if (directive.Value is "\\" or "`")
                            escape = directive.Value[0];
                        else
                            diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.InvalidEscapeDirective,
                                $"invalid escape token '{directive.Value}' does not match ` or \\", directive.ValueSpan));
                    }
                    nodes.Add(directive);
                    i++;
                    continue;
                }
                inDirectives = false;
            }

            var trimmed = text.AsSpan(line.Start, line.End - line.Start).TrimStart();
            if (trimmed.IsEmpty || IsWhitespace(trimmed))
            {
                nodes.Add(new BlankLine(map.Span(line.Start, line.End), line.Content(text), line.Break(text)));
                i++;
            }
            else if (trimmed[0] == '#')
            {
                nodes.Add(new CommentLine(map.Span(line.Start, line.End), line.Content(text), line.Break(text), trimmed[1..].ToString()));
                i++;
            }
            else
            {
                i = ReadInstruction(text, lines, i, escape, map, segments, nodes, diagnostics);
            }
        }
        return new DockerfileDocument(path, bom == 1, escape, nodes, diagnostics);
    }

    private static bool IsWhitespace(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }

    /// <summary><c>#\s*name\s*=\s*value\s*</c> with a known name, per BuildKit.</summary>
    private static ParserDirective? ReadDirective(string text, PhysicalLine line, LineMap map)
    {
        var p = line.Start;
        while (p < line.End && text[p] is ' ' or '\t')
            p++;
        if (p >= line.End || text[p] != '#')
            return null;
        p++;
        while (p < line.End && char.IsWhiteSpace(text[p]))
            p++;
        var nameStart = p;
        while (p < line.End && char.IsAsciiLetterOrDigit(text[p]))
            p++;
        if (p == nameStart || !char.IsAsciiLetter(text[nameStart]))
            return null;
        var name = text[nameStart..p].ToLowerInvariant();
        if (Array.IndexOf(KnownDirectives, name) < 0)
            return null;
        var nameEnd = p;
        while (p < line.End && char.IsWhiteSpace(text[p]))
            p++;
        if (p >= line.End || text[p] != '=')
            return null;
        p++;
        while (p < line.End && char.IsWhiteSpace(text[p]))
            p++;
        var valueEnd = line.End;
        while (valueEnd > p && char.IsWhiteSpace(text[valueEnd - 1]))
            valueEnd--;
        if (valueEnd <= p)
            return null;
        return new ParserDirective(map.Span(line.Start, line.End), line.Content(text), line.Break(text), name,
            text[p..valueEnd], map.Span(nameStart, nameEnd), map.Span(p, valueEnd));
    }

    /// <summary>Reads one instruction starting at line <paramref name="first"/>; returns the index of the next line.</summary>
    private static int ReadInstruction(string text, PhysicalLines lines, int first, char escape, LineMap map,
        List<(int Start, int Stop)> segments, List<DockerfileNode> nodes, List<DockerfileDiagnostic> diagnostics)
    {
        segments.Clear(); // the document ranges the logical line joins
        List<SourceSpan>? comments = null;
        List<SourceSpan>? empties = null;

        var line = lines[first];
        var start = line.Start;
        while (start < line.End && char.IsWhiteSpace(text[start]))
            start++;
        var i = first;
        var endOfLogical = AppendLine(text, start, line.End, escape, segments);
        var last = i;
        i++;
        while (!endOfLogical && i < lines.Count)
        {
            line = lines[i];
            var content = text.AsSpan(line.Start, line.End - line.Start);
            var lead = content.TrimStart();
            if (lead.Length > 0 && lead[0] == '#')
            {
                (comments ??= []).Add(map.Span(line.Start, line.End));
            }
            else if (lead.IsEmpty || IsWhitespace(lead))
            {
                (empties ??= []).Add(map.Span(line.Start, line.End));
            }
            else
            {
                endOfLogical = AppendLine(text, line.Start, line.End, escape, segments);
                last = i;
            }
            i++;
        }
        // Trailing comment or blank lines of an unfinished continuation at end of file still belong to it.
        if (!endOfLogical)
            last = i - 1;

        var logical = Join(text, segments, start, map);

        List<Heredoc>? heredocs = null; // only RUN, COPY and ADD with a << marker have any
        var keywordLength = 0;
        while (keywordLength < logical.Length && !char.IsWhiteSpace(logical.Text[keywordLength]))
            keywordLength++;
        var keyword = logical.Text.AsSpan(0, keywordLength);
        if (keyword.Equals("RUN", StringComparison.OrdinalIgnoreCase) || keyword.Equals("COPY", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("ADD", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var marker in HeredocMarker.Find(logical, keywordLength))
            {
                var heredoc = ReadHeredoc(text, lines, ref i, marker, map);
                if (!heredoc.IsTerminated)
                {
                    diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.UnterminatedHeredoc,
                        $"heredoc '{marker.Name}' is not terminated before the end of the file", marker.Span));
                }
                (heredocs ??= []).Add(heredoc);
                last = Math.Max(last, i - 1);
            }
        }

        var lastLine = lines[last];
        var nodeStart = lines[first].Start;
        var span = map.Span(nodeStart, lastLine.End);
        var syntaxText = SyntaxText(text, nodeStart, lastLine.End, logical);
        var instruction = InstructionReader.Read(logical, span, syntaxText, lastLine.Break(text), escape, heredocs ?? (IReadOnlyList<Heredoc>)[],
            comments ?? (IReadOnlyList<SourceSpan>)[], empties ?? (IReadOnlyList<SourceSpan>)[], diagnostics);
        nodes.Add(instruction);
        return last + 1;
    }

    /// <summary>
    /// The instruction's source text [start, end). A one-line instruction that starts its line is its logical line, which
    /// is already a string: share it rather than copy the same characters again.
    /// </summary>
    private static string SyntaxText(string text, int start, int end, MappedText logical) =>
        logical.Length == end - start && text.AsSpan(start, end - start).SequenceEqual(logical.Text)
            ? logical.Text
            : text[start..end];

    /// <summary>Adds a line's content without a final continuation; returns true when the logical line ends here.</summary>
    private static bool AppendLine(string text, int start, int end, char escape, List<(int Start, int Stop)> segments)
    {
        var stop = end;
        while (stop > start && text[stop - 1] is ' ' or '\t')
            stop--;
        var continues = stop > start && text[stop - 1] == escape;
        if (continues)
            stop--;
        else
            stop = end;
        if (stop > start)
            segments.Add((start, stop));
        return !continues;
    }

    /// <summary>The logical line: the segments joined, with where each segment is in the document (nothing to map for one segment).</summary>
    private static MappedText Join(string text, List<(int Start, int Stop)> segments, int start, LineMap map)
    {
        if (segments.Count == 0)
            return MappedText.Contiguous("", start, map);
        if (segments.Count == 1)
            return MappedText.Contiguous(text[segments[0].Start..segments[0].Stop], segments[0].Start, map);
        var runStarts = new int[segments.Count];
        var runOffsets = new int[segments.Count];
        var length = 0;
        for (var k = 0; k < segments.Count; k++)
        {
            runStarts[k] = length;
            runOffsets[k] = segments[k].Start;
            length += segments[k].Stop - segments[k].Start;
        }
        // Written straight into the string: no intermediate char array.
        var joined = string.Create(length, (text, segments), static (chars, state) =>
        {
            var i = 0;
            foreach (var (from, stop) in state.segments)
            {
                state.text.AsSpan(from, stop - from).CopyTo(chars[i..]);
                i += stop - from;
            }
        });
        return MappedText.Joined(joined, runStarts, runOffsets, segments[^1].Stop, map);
    }

    private static Heredoc ReadHeredoc(string text, PhysicalLines lines, ref int i, HeredocMarker marker, LineMap map)
    {
        var bodyStart = i < lines.Count ? lines[i].Start : text.Length;
        var content = new System.Text.StringBuilder();
        while (i < lines.Count)
        {
            var line = lines[i];
            var lineText = line.Content(text);
            var compare = marker.StripsTabs ? lineText.TrimStart('\t') : lineText;
            if (compare == marker.Name)
            {
                var body = text[bodyStart..line.Start];
                i++;
                return new Heredoc(marker.Name, marker.IsQuoted, marker.StripsTabs, marker.FileDescriptor, marker.Span,
                    body, content.ToString(), map.Span(bodyStart, line.Start), map.Span(line.Start, line.End));
            }
            content.Append(marker.StripsTabs ? lineText.TrimStart('\t') : lineText).Append(line.Break(text));
            i++;
        }
        var end = lines.Count > 0 ? lines[^1].End : text.Length;
        var rest = text[bodyStart..Math.Max(bodyStart, end)];
        return new Heredoc(marker.Name, marker.IsQuoted, marker.StripsTabs, marker.FileDescriptor, marker.Span,
            rest, content.ToString(), map.Span(bodyStart, Math.Max(bodyStart, end)), null);
    }
}

/// <summary>A physical line: content [Start, End) and its line break [End, BreakEnd).</summary>
internal readonly record struct PhysicalLine(int Start, int End, int BreakEnd)
{
    public string Content(string text) => text[Start..End];

    /// <summary>The line break: "\n", "\r\n" or "" at the end of the file (shared strings, not a copy per line).</summary>
    public string Break(string text) => (BreakEnd - End) switch
    {
        0 => "",
        1 when text[End] == '\n' => "\n",
        2 when text[End] == '\r' && text[End + 1] == '\n' => "\r\n",
        _ => text[End..BreakEnd],
    };

}

/// <summary>The physical lines of a text, worked out from its line map's line starts (no table of their own).</summary>
internal readonly struct PhysicalLines
{
    private readonly string _text;
    private readonly LineMap _map;

    public PhysicalLines(string text, LineMap map)
    {
        _text = text;
        _map = map;
        // The map starts a line after the last line break; a text that ends with one has no line there.
        Count = map.LineCount - (map.LineStart(map.LineCount - 1) == text.Length ? 1 : 0);
    }

    public int Count { get; }

    public PhysicalLine this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var start = _map.LineStart(index);
            if (index + 1 == _map.LineCount)
                return new PhysicalLine(start, _text.Length, _text.Length); // the last line, without a break
            var breakEnd = _map.LineStart(index + 1);
            var newline = breakEnd - 1;
            var end = newline > start && _text[newline - 1] == '\r' ? newline - 1 : newline;
            return new PhysicalLine(start, end, breakEnd);
        }
    }
}
