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
    private int _hint;

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
        // Offsets are mostly asked for in document order: try the line of the last answer before searching. The hint is only a guess
        // that is checked, so a stale one (or one written by another thread) costs a search, never a wrong answer.
        var index = _hint;
        if (!((uint)index < (uint)_starts.Length && _starts[index] <= offset && (index + 1 == _starts.Length || offset < _starts[index + 1])))
        {
            index = Array.BinarySearch(_starts, offset);
            if (index < 0)
                index = ~index - 1;
            if (index < 0)
                return (1, 1);
            _hint = index;
        }
        return (index + 1, offset - _starts[index] + 1);
    }
}

/// <summary>
/// Text as the parser sees it (continuations joined, comment lines dropped) with, for each
/// character, its offset in the document, so any slice maps back to a <see cref="SourceSpan"/>.
/// Slices share their parent's offsets (no copy); text that is contiguous in the document needs none.
/// </summary>
internal sealed class MappedText
{
    private readonly int[]? _offsets; // null: contiguous, character i is at document offset _first + i
    private readonly int _first; // with _offsets, the index in it of character 0
    private readonly int _endOffset;
    private readonly LineMap _map;

    public MappedText(string text, int[] offsets, int endOffset, LineMap map)
        : this(text, offsets, 0, endOffset, map)
    {
    }

    private MappedText(string text, int[]? offsets, int first, int endOffset, LineMap map)
    {
        Text = text;
        _offsets = offsets;
        _first = first;
        _endOffset = endOffset;
        _map = map;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public LineMap Map => _map;

    public int OffsetAt(int index) => index < Text.Length ? Offset(index) : _endOffset;

    private int Offset(int index) => _offsets is null ? _first + index : _offsets[_first + index];

    public SourceSpan Span(int start, int end)
    {
        if (end <= start)
        {
            var at = OffsetAt(start);
            return _map.Span(at, at);
        }
        return _map.Span(Offset(start), Offset(end - 1) + 1);
    }

    public MappedText Slice(int start, int end)
    {
        var length = Math.Max(0, end - start);
        var endOffset = length > 0 ? Offset(end - 1) + 1 : end < Text.Length ? Offset(end) : _endOffset;
        return Share(start, Text.Substring(start, length), endOffset);
    }

    /// <summary>The characters from <paramref name="start"/> on, whose text is <paramref name="text"/> (a substring the caller already has), ending at <paramref name="endOffset"/>.</summary>
    public MappedText Share(int start, string text, int endOffset)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + text.Length, Text.Length);
        return new MappedText(text, _offsets, _first + start, endOffset, _map);
    }

    /// <summary>Text that is contiguous in the document, starting at <paramref name="documentOffset"/>.</summary>
    public static MappedText Contiguous(string text, int documentOffset, LineMap map) =>
        new(text, null, documentOffset, documentOffset + text.Length, map);
}
