using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Berth.Kubernetes;

/// <summary>A problem in a YAML stream: a syntax error (the stream stops there), a duplicate key, or a bound that was hit.</summary>
public sealed record YamlProblem(TextSpan Span, YamlProblemKind Kind, string Message);

public enum YamlProblemKind
{
    Syntax,
    DuplicateKey,
}

/// <summary>One document of a YAML stream: its root (null when empty) and where its first line is.</summary>
public sealed record YamlDocumentTree(YamlValue? Root, TextSpan Span);

public sealed record YamlStreamTree(IReadOnlyList<YamlDocumentTree> Documents, IReadOnlyList<YamlProblem> Problems);

/// <summary>
/// Reads a multi-document YAML stream into <see cref="YamlValue"/> trees with positions, from YamlDotNet's event parser and without
/// recursion. Never throws on bad input: a syntax error ends the stream with a problem, and the bounds keep hostile input cheap:
/// aliases are shared, not copied, and an alias that would make a document stand for more than <see cref="MaxExpandedNodes"/>
/// nodes (billion laughs) is dropped; nesting deeper than <see cref="MaxDepth"/> ends the stream.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 200;
    public const long MaxExpandedNodes = 250_000;

    public static YamlStreamTree Read(string text)
    {
        var documents = new List<YamlDocumentTree>();
        var problems = new List<YamlProblem>();
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlValue? root = null;
        var documentStart = TextSpan.Start;
        long documentSize = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart start:
                        anchors.Clear();
                        root = null;
                        documentSize = 0;
                        documentStart = SpanOf(start.Start, start.End);
                        break;
                    case DocumentEnd:
                        documents.Add(new YamlDocumentTree(root, documentStart));
                        break;
                    case MappingStart mapping:
                        if (stack.Count >= MaxDepth)
                        {
                            problems.Add(new YamlProblem(SpanOf(mapping.Start, mapping.End), YamlProblemKind.Syntax, $"nesting deeper than {MaxDepth} levels; the rest of the file is not read"));
                            return new YamlStreamTree(documents, problems);
                        }
                        stack.Push(new Frame(true, mapping.Start, mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value));
                        break;
                    case SequenceStart sequence:
                        if (stack.Count >= MaxDepth)
                        {
                            problems.Add(new YamlProblem(SpanOf(sequence.Start, sequence.End), YamlProblemKind.Syntax, $"nesting deeper than {MaxDepth} levels; the rest of the file is not read"));
                            return new YamlStreamTree(documents, problems);
                        }
                        stack.Push(new Frame(false, sequence.Start, sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value));
                        break;
                    case MappingEnd or SequenceEnd:
                    {
                        var frame = stack.Pop();
                        var span = SpanOf(frame.Start, current.End);
                        YamlValue node = frame.IsMap
                            ? new YamlMap(span, frame.Entries, frame.Size)
                            : new YamlList(span, frame.Items, frame.Size);
                        if (frame.Anchor is not null)
                            anchors[frame.Anchor] = node;
                        documentSize++;
                        Attach(node, node.ExpandedSize);
                        break;
                    }
                    case Scalar scalar:
                    {
                        var node = new YamlScalar(SpanOf(scalar.Start, scalar.End), scalar.Value, scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any);
                        if (!scalar.Anchor.IsEmpty)
                            anchors[scalar.Anchor.Value] = node;
                        documentSize++;
                        Attach(node, 1);
                        break;
                    }
                    case AnchorAlias alias:
                    {
                        var span = SpanOf(alias.Start, alias.End);
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            problems.Add(new YamlProblem(span, YamlProblemKind.Syntax, $"alias *{alias.Value.Value} names no anchor before it"));
                            Attach(new YamlScalar(span, "", false), 1);
                        }
                        else if (documentSize + target.ExpandedSize > MaxExpandedNodes)
                        {
                            problems.Add(new YamlProblem(span, YamlProblemKind.Syntax, $"alias *{alias.Value.Value} would expand the document past {MaxExpandedNodes} nodes (an alias bomb?); it is read as empty"));
                            Attach(new YamlScalar(span, "", false), 1);
                        }
                        else
                        {
                            documentSize += target.ExpandedSize;
                            Attach(target, target.ExpandedSize);
                        }
                        break;
                    }
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(new YamlProblem(Clamped(text, (int)e.Start.Line, (int)e.Start.Column), YamlProblemKind.Syntax, OneLine(e.Message)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections instead of a YamlException: still a syntax error.
            var at = parser.Current?.Start;
            problems.Add(new YamlProblem(Clamped(text, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1)), YamlProblemKind.Syntax, "malformed YAML after this point"));
        }
        return new YamlStreamTree(documents, problems);

        void Attach(YamlValue node, long size)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }
            var parent = stack.Peek();
            parent.Size += size;
            if (!parent.IsMap)
            {
                parent.Items.Add(node);
                return;
            }
            if (parent.PendingKey is null)
            {
                // A complex key (a mapping used as a key) is not valid in a manifest: kept as its text position with an empty name.
                var key = node as YamlScalar ?? new YamlScalar(node.Span, "", true);
                if (parent.Seen.TryGetValue(key.Value, out var first))
                    problems.Add(new YamlProblem(key.Span, YamlProblemKind.DuplicateKey, $"duplicate key '{key.Value}' (first at line {first.Line}); only the last value counts"));
                else
                    parent.Seen[key.Value] = key.Span;
                parent.PendingKey = key;
                return;
            }
            var pending = parent.PendingKey;
            parent.PendingKey = null;
            if (pending.Value == "<<" && !pending.Quoted && node is YamlMap merged)
            {
                // A merge key: the merged mapping's entries, before the ones written here (which win, being later).
                parent.Entries.InsertRange(0, merged.Children);
                return;
            }
            parent.Entries.Add(new YamlEntry(pending, node));
        }
    }

    /// <summary>A one-character span at the position, kept inside the text (parsers report the end of input one line past the last).</summary>
    private static TextSpan Clamped(string text, int line, int column)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
                lines++;
        }
        if (line > lines)
            (line, column) = (lines, 1);
        line = Math.Max(1, line);
        column = Math.Max(1, column);
        return new TextSpan(line, column, line, column + 1);
    }

    private static string OneLine(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the finding has the position already.
        var dash = text.IndexOf("): ", StringComparison.Ordinal);
        return text.StartsWith("(Line:", StringComparison.Ordinal) && dash > 0 ? text[(dash + 3)..] : text;
    }

    private static TextSpan SpanOf(Mark start, Mark end)
    {
        var line = Math.Max(1, (int)start.Line);
        var column = Math.Max(1, (int)start.Column);
        var endLine = Math.Max(line, (int)end.Line);
        var endColumn = Math.Max(1, (int)end.Column);
        if (endLine == line && endColumn < column)
            endColumn = column;
        return new TextSpan(line, column, endLine, endColumn);
    }

    private sealed class Frame(bool isMap, Mark start, string? anchor)
    {
        public bool IsMap { get; } = isMap;
        public Mark Start { get; } = start;
        public string? Anchor { get; } = anchor;
        public List<YamlEntry> Entries { get; } = [];
        public List<YamlValue> Items { get; } = [];
        public Dictionary<string, TextSpan> Seen { get; } = new(StringComparer.Ordinal);
        public YamlScalar? PendingKey { get; set; }

        /// <summary>Expanded size: this node and everything below it, aliases counted at their full size.</summary>
        public long Size { get; set; } = 1;
    }
}
