namespace Berth.Apps.Python.Source;

/// <summary>
/// The first, cheap pass: finds import statements anywhere in the file (also after a compound header's colon, as in
/// <c>try: import ujson as json</c>) without building statements for the other lines.
/// </summary>
internal static class PythonImportScanner
{
    private static readonly HashSet<string> LineStarts = new(StringComparer.Ordinal)
    {
        "import", "from", "if", "elif", "else", "try", "except", "finally", "with", "for", "while", "async", "def", "class",
    };

    public static PythonImportTable Scan(string text)
    {
        var table = new PythonImportTable();
        var tokenizer = new PythonTokenizer(text);
        var line = new List<PythonToken>();
        var keep = true;
        while (true)
        {
            var token = tokenizer.Next();
            if (token.Kind is PythonTokenKind.Newline or PythonTokenKind.EndOfFile)
            {
                if (line.Count > 0)
                {
                    AddImports(table, new TokenSpan(line, 0, line.Count));
                    line.Clear();
                }

                keep = true;
                if (token.Kind == PythonTokenKind.EndOfFile)
                {
                    return table;
                }

                continue;
            }

            if (line.Count == 0 && keep)
            {
                keep = token.Kind == PythonTokenKind.Name && LineStarts.Contains(token.Text);
            }

            if (keep)
            {
                line.Add(token);
            }
        }
    }

    private static void AddImports(PythonImportTable table, TokenSpan line)
    {
        if (!line[0].IsName("import") && !line[0].IsName("from"))
        {
            var colon = line.IndexOfTopLevel(":");
            if (colon < 0)
            {
                return;
            }

            line = line.Slice(colon + 1);
        }

        foreach (var statement in line.SplitTopLevel(";"))
        {
            table.TryAdd(statement);
        }
    }
}
