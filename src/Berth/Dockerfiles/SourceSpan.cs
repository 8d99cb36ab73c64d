namespace Berth.Dockerfiles;

/// <summary>
/// A range of the document text: <see cref="Start"/> and <see cref="End"/> are character offsets
/// (end exclusive); lines and columns are 1-based and the end column is the column just after the
/// last character, so a one-character span at column 3 ends at column 4.
/// </summary>
public readonly record struct SourceSpan(int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public int Length => End - Start;

    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}

/// <summary>Turns offsets into lines and columns. A line break is "\n" (a "\r" before it belongs to the line).</summary>
internal sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string text, int firstLineStart)
    {
        var starts = new List<int> { firstLineStart };
        for (var i = firstLineStart; i < text.Length; i++)
        {
            if (text[i] == '\n')
                starts.Add(i + 1);
        }
        _starts = [.. starts];
    }

    public SourceSpan Span(int start, int end)
    {
        var (sl, sc) = Position(start);
        var (el, ec) = Position(end);
        return new SourceSpan(start, end, sl, sc, el, ec);
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
            return (1, 1);
        return (index + 1, offset - _starts[index] + 1);
    }
}

/// <summary>
/// Text as the parser sees it (continuations joined, comment lines dropped) with, for each
/// character, its offset in the document, so any slice maps back to a <see cref="SourceSpan"/>.
/// </summary>
internal sealed class MappedText
{
    private readonly int[] _offsets;
    private readonly int _endOffset;
    private readonly LineMap _map;

    public MappedText(string text, int[] offsets, int endOffset, LineMap map)
    {
        Text = text;
        _offsets = offsets;
        _endOffset = endOffset;
        _map = map;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public LineMap Map => _map;

    public int OffsetAt(int index) => index < Text.Length ? _offsets[index] : _endOffset;

    public SourceSpan Span(int start, int end)
    {
        if (end <= start)
        {
            var at = OffsetAt(start);
            return _map.Span(at, at);
        }
        return _map.Span(_offsets[start], _offsets[end - 1] + 1);
    }

    public MappedText Slice(int start, int end)
    {
        var length = Math.Max(0, end - start);
        var offsets = new int[length];
        Array.Copy(_offsets, start, offsets, 0, length);
        var endOffset = end < Text.Length ? _offsets[end] : _endOffset;
        if (length > 0)
            endOffset = _offsets[end - 1] + 1;
        return new MappedText(Text.Substring(start, length), offsets, endOffset, _map);
    }

    /// <summary>Text that is contiguous in the document, starting at <paramref name="documentOffset"/>.</summary>
    public static MappedText Contiguous(string text, int documentOffset, LineMap map)
    {
        var offsets = new int[text.Length];
        for (var i = 0; i < offsets.Length; i++)
            offsets[i] = documentOffset + i;
        return new MappedText(text, offsets, documentOffset + text.Length, map);
    }
}
