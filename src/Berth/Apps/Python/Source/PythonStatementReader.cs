namespace Berth.Apps.Python.Source;

/// <summary>
/// Turns the token stream into statements, tracking indentation to know which block each statement sits in.
/// Forgiving: an unexpected indent stays in the current block, a dedent closes every block indented at least as far.
/// </summary>
internal sealed class PythonStatementReader
{
    private static readonly HashSet<string> CompoundKeywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "while", "for", "with", "try", "except", "finally", "def", "class",
    };

    private readonly PythonTokenizer _tokenizer;
    private readonly PythonBlock _module = PythonBlock.CreateModule();
    private readonly List<TokenSpan> _decorators = [];
    private PythonBlock _current;

    public PythonStatementReader(string text)
    {
        _tokenizer = new PythonTokenizer(text);
        _current = _module;
    }

    public IEnumerable<PythonStatement> Read()
    {
        var statements = new List<PythonStatement>();
        while (true)
        {
            var tokens = new List<PythonToken>();
            PythonToken token;
            while ((token = _tokenizer.Next()).Kind is not (PythonTokenKind.Newline or PythonTokenKind.EndOfFile))
            {
                tokens.Add(token);
            }

            if (tokens.Count > 0)
            {
                var indent = _tokenizer.LogicalIndent;
                while (_current.Parent is not null && indent <= _current.HeaderIndent)
                {
                    _current = _current.Parent;
                }

                ReadLine(new TokenSpan(tokens, 0, tokens.Count), indent, statements);
                foreach (var statement in statements)
                {
                    yield return statement;
                }

                statements.Clear();
            }

            if (token.Kind == PythonTokenKind.EndOfFile)
            {
                yield break;
            }
        }
    }

    private void ReadLine(TokenSpan line, int indent, List<PythonStatement> statements)
    {
        var first = line[0];
        if (first.IsOperator("@"))
        {
            _decorators.Add(line.Slice(1));
            return;
        }

        var keywordIndex = first.IsName("async") && line.Count > 1 ? 1 : 0;
        var keyword = line[keywordIndex];
        if (keyword.Kind == PythonTokenKind.Name && IsCompoundHeader(line, keyword.Text))
        {
            var colon = line.IndexOfTopLevel(":", keywordIndex);
            if (colon > 0)
            {
                var header = line.Slice(0, colon);
                var body = OpenBlock(header, keywordIndex, indent);
                var kind = body.Kind switch
                {
                    PythonBlockKind.Function => PythonStatementKind.Function,
                    PythonBlockKind.Class => PythonStatementKind.Class,
                    _ => PythonStatementKind.Compound,
                };
                IReadOnlyList<TokenSpan> decorators = kind == PythonStatementKind.Compound ? [] : _decorators.ToArray();
                _decorators.Clear();
                statements.Add(new PythonStatement(kind, header, _current, body, decorators));
                _current = body;
                AddSimpleStatements(line.Slice(colon + 1), statements);
                return;
            }
        }

        _decorators.Clear();
        AddSimpleStatements(line, statements);
    }

    private static bool IsCompoundHeader(TokenSpan line, string keyword)
    {
        if (CompoundKeywords.Contains(keyword))
        {
            return true;
        }

        // Soft keywords: `match x:` / `case y:` but not `match = re.match(...)`.
        return keyword is "match" or "case"
            && line.Count > 2
            && line[line.Count - 1].IsOperator(":")
            && line.IndexOfTopLevel("=") < 0;
    }

    private PythonBlock OpenBlock(TokenSpan header, int keywordIndex, int indent)
    {
        var keyword = header[keywordIndex].Text;
        var name = keywordIndex + 1 < header.Count && header[keywordIndex + 1].Kind == PythonTokenKind.Name
            ? header[keywordIndex + 1].Text
            : null;
        var line = header[0].Line;
        return keyword switch
        {
            "def" => _current.Open(PythonBlockKind.Function, name ?? "", indent, line),
            "class" => _current.Open(PythonBlockKind.Class, name ?? "", indent, line),
            "if" when IsMainGuardCondition(header.Slice(keywordIndex + 1)) => _current.Open(PythonBlockKind.MainGuard, null, indent, line),
            _ => _current.Open(PythonBlockKind.Conditional, null, indent, line),
        };
    }

    /// <summary><c>__name__ == "__main__"</c> either way round, optionally parenthesised.</summary>
    private static bool IsMainGuardCondition(TokenSpan condition)
    {
        while (condition.Count >= 2 && condition[0].IsOperator("(") && condition[condition.Count - 1].IsOperator(")"))
        {
            condition = condition.Slice(1, condition.Count - 2);
        }

        if (condition.Count != 3 || !condition[1].IsOperator("=="))
        {
            return false;
        }

        return (IsDunderName(condition[0]) && IsMainString(condition[2])) || (IsMainString(condition[0]) && IsDunderName(condition[2]));

        static bool IsDunderName(PythonToken token) => token.IsName("__name__");

        static bool IsMainString(PythonToken token) =>
            token is { Kind: PythonTokenKind.String, Text: "__main__", Literal: { IsBytes: false, IsFormatted: false } };
    }

    private void AddSimpleStatements(TokenSpan tokens, List<PythonStatement> statements)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        foreach (var piece in tokens.SplitTopLevel(";"))
        {
            statements.Add(new PythonStatement(PythonStatementKind.Simple, piece, _current, null, []));
        }
    }
}
