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
        // Counted first (a vectorised search) so the array is allocated once at its size, not grown through a list.
        var rest = text.AsSpan(firstLineStart);
        _starts = new int[rest.Count('\n') + 1];
        _starts[0] = firstLineStart;
        var line = 1;
        for (var at = rest.IndexOf('\n'); at >= 0; at = rest.IndexOf('\n'))
        {
            firstLineStart += at + 1;
            _starts[line++] = firstLineStart;
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>How many lines there are: one more than there are line breaks.</summary>
    public int LineCount => _starts.Length;

    /// <summary>The offset where line <paramref name="index"/> (0-based) starts.</summary>
    public int LineStart(int index) => _starts[index];

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
/// The offsets are kept as runs (the first character of each piece that is contiguous in the document, and where that
/// piece starts there): one entry per joined line rather than one per character. Slices share their parent's runs (no
/// copy); text that is contiguous in the document needs none.
/// </summary>
internal sealed class MappedText
{
    // null: contiguous, character i is at document offset _first + i. Otherwise character _runStarts[r] of the text the runs
    // were made for is at document offset _runOffsets[r], and the characters after it follow it up to the next run.
    private readonly int[]? _runStarts;
    private readonly int[]? _runOffsets;
    private readonly int _first; // with runs, the index in the runs' text of character 0
    private readonly int _endOffset;
    private readonly LineMap _map;

    private MappedText(string text, int[]? runStarts, int[]? runOffsets, int first, int endOffset, LineMap map)
    {
        Text = text;
        _runStarts = runStarts;
        _runOffsets = runOffsets;
        _first = first;
        _endOffset = endOffset;
        _map = map;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public LineMap Map => _map;

    public int OffsetAt(int index) => index < Text.Length ? Offset(index) : _endOffset;

    private int Offset(int index)
    {
        if (_runStarts is null)
            return _first + index;
        var at = _first + index;
        var run = Array.BinarySearch(_runStarts, at);
        if (run < 0)
            run = ~run - 1;
        return _runOffsets![run] + (at - _runStarts[run]);
    }

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
        return new MappedText(text, _runStarts, _runOffsets, _first + start, endOffset, _map);
    }

    /// <summary>Text that is contiguous in the document, starting at <paramref name="documentOffset"/>.</summary>
    public static MappedText Contiguous(string text, int documentOffset, LineMap map) =>
        new(text, null, null, documentOffset, documentOffset + text.Length, map);

    /// <summary>Text made of pieces of the document: piece r starts at character <paramref name="runStarts"/>[r] (ascending, the first 0) and at document offset <paramref name="runOffsets"/>[r].</summary>
    public static MappedText Joined(string text, int[] runStarts, int[] runOffsets, int endOffset, LineMap map) =>
        runStarts.Length == 1
            ? new(text, null, null, runOffsets[0], endOffset, map)
            : new(text, runStarts, runOffsets, 0, endOffset, map);

    /// <summary>Text whose character i is at document offset <paramref name="offsets"/>[i], as runs.</summary>
    public static MappedText FromOffsets(string text, List<int> offsets, int endOffset, LineMap map)
    {
        if (offsets.Count == 0)
            return new(text, null, null, endOffset, endOffset, map);
        var runs = 1;
        for (var i = 1; i < offsets.Count; i++)
        {
            if (offsets[i] != offsets[i - 1] + 1)
                runs++;
        }
        var runStarts = new int[runs];
        var runOffsets = new int[runs];
        runOffsets[0] = offsets[0];
        for (int i = 1, run = 1; i < offsets.Count; i++)
        {
            if (offsets[i] != offsets[i - 1] + 1)
            {
                runStarts[run] = i;
                runOffsets[run++] = offsets[i];
            }
        }
        return Joined(text, runStarts, runOffsets, endOffset, map);
    }
}
