namespace Berth.Apps.Python.Source;

/// <summary>
/// A tolerant expression reader over a token span. Calls, attributes, subscripts, displays and literals get their
/// shape; every other construct (operators, comprehensions, lambdas, conditionals) becomes a flat
/// <see cref="CompoundExpression"/> of its operands. Bracket nesting beyond a fixed depth is skipped, so recursion
/// is bounded and every step consumes a token (linear time).
/// </summary>
internal sealed class PythonExpressionParser
{
    private const int MaxNesting = 96;

    private static readonly HashSet<string> KeywordOperators = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "is", "if", "else", "for", "async", "await", "lambda", "yield", "from", "as",
        "assert", "break", "class", "continue", "def", "del", "elif", "except", "finally", "global", "import",
        "nonlocal", "pass", "raise", "return", "try", "while", "with",
    };

    private readonly string _text;
    private readonly TokenSpan _tokens;
    private int _pos;
    private int _nesting;

    private PythonExpressionParser(string text, TokenSpan tokens, int nesting)
    {
        _text = text;
        _tokens = tokens;
        _nesting = nesting;
    }

    /// <summary>Every expression in the span, skipping separators and stray tokens.</summary>
    public static List<PythonExpression> ParseAll(string text, TokenSpan tokens) => ParseAll(text, tokens, 0, out _);

    /// <summary>The first expression in the span (stopping at a top-level ',', '=', ':'...).</summary>
    public static PythonExpression? ParseFirst(string text, TokenSpan tokens) =>
        new PythonExpressionParser(text, tokens, 0).ParseExpression();

    /// <summary>Every expression in the span; <paramref name="single"/> is the span read as one expression
    /// (null when it holds several, a top-level comma or stray tokens).</summary>
    public static List<PythonExpression> ParseAll(string text, TokenSpan tokens, out PythonExpression? single)
    {
        var expressions = ParseAll(text, tokens, 0, out var clean);
        single = clean && expressions.Count == 1 ? expressions[0] : null;
        return expressions;
    }

    private static List<PythonExpression> ParseAll(string text, TokenSpan tokens, int nesting) => ParseAll(text, tokens, nesting, out _);

    private static List<PythonExpression> ParseAll(string text, TokenSpan tokens, int nesting, out bool clean)
    {
        var parser = new PythonExpressionParser(text, tokens, nesting);
        var expressions = new List<PythonExpression>();
        clean = true;
        while (parser._pos < tokens.Count)
        {
            var before = parser._pos;
            if (parser.ParseExpression() is { } expression)
            {
                expressions.Add(expression);
            }

            if (parser._pos == before)
            {
                clean = false;
                parser._pos++;
            }
        }

        return expressions;
    }

    private bool AtEnd => _pos >= _tokens.Count;

    private PythonToken Current => _tokens[_pos];

    private PythonExpression? ParseExpression()
    {
        List<PythonExpression>? parts = null;
        List<string>? operators = null;
        var line = AtEnd ? 0 : Current.Line;
        while (!AtEnd)
        {
            var token = Current;
            if (IsTerminator(token))
            {
                break;
            }

            if (token.Kind == PythonTokenKind.Operator && token.Text is not ("(" or "[" or "{" or "..."))
            {
                (operators ??= []).Add(token.Text);
                _pos++;
                continue;
            }

            if (token.Kind == PythonTokenKind.Name && KeywordOperators.Contains(token.Text))
            {
                (operators ??= []).Add(token.Text);
                _pos++;
                if (token.Text == "lambda")
                {
                    SkipLambdaParameters();
                }

                continue;
            }

            (parts ??= []).Add(ParsePostfix(ParseAtom()));
        }

        if (parts is null)
        {
            return null;
        }

        if (parts.Count == 1 && operators is null)
        {
            return parts[0];
        }

        if (parts.Count == 1 && operators is ["-"] && parts[0] is NumberExpression number)
        {
            return new NumberExpression("-" + number.Text, number.Line);
        }

        return new CompoundExpression(parts, operators ?? [], line);
    }

    private static bool IsTerminator(PythonToken token)
    {
        if (token.Kind != PythonTokenKind.Operator)
        {
            return token.Kind is PythonTokenKind.Newline or PythonTokenKind.EndOfFile;
        }

        return token.Text switch
        {
            "," or ")" or "]" or "}" or ":" or "=" or ";" or "->" => true,
            "==" or "!=" or "<=" or ">=" or ":=" => false,
            { Length: >= 2 } text => text[^1] == '=', // augmented assignment
            _ => false,
        };
    }

    private void SkipLambdaParameters()
    {
        var depth = 0;
        for (var i = _pos; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind != PythonTokenKind.Operator)
            {
                continue;
            }

            if (token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Text is ")" or "]" or "}")
            {
                if (depth == 0)
                {
                    return; // malformed lambda; leave the closer to the caller
                }

                depth--;
            }
            else if (depth == 0 && token.Text == ":")
            {
                _pos = i + 1;
                return;
            }
        }
    }

    private PythonExpression ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case PythonTokenKind.Name:
                _pos++;
                return token.Text is "True" or "False" or "None"
                    ? new ConstantExpression(token.Text, token.Line)
                    : new NameExpression(token.Text, token.Line);
            case PythonTokenKind.Number:
                _pos++;
                return new NumberExpression(token.Text, token.Line);
            case PythonTokenKind.String:
                return ParseStrings();
        }

        switch (token.Text)
        {
            case "(":
                return ParseDisplay(")", token.Line);
            case "[":
                return ParseDisplay("]", token.Line);
            case "{":
                return ParseDisplay("}", token.Line);
            default:
                _pos++;
                return new ConstantExpression(token.Text, token.Line); // "..."
        }
    }

    private PythonExpression ParseStrings()
    {
        var line = Current.Line;
        var isLiteral = true;
        List<PythonExpression>? fields = null;
        var first = Current.Text;
        System.Text.StringBuilder? joined = null;
        var count = 0;
        while (!AtEnd && Current.Kind == PythonTokenKind.String)
        {
            var literal = Current.Literal;
            if (count++ > 0)
            {
                (joined ??= new System.Text.StringBuilder(first)).Append(Current.Text);
            }

            if (literal is { IsBytes: true } or { IsFormatted: true })
            {
                isLiteral = false;
            }

            if (literal is { IsFormatted: true, Fields.Count: > 0 })
            {
                fields ??= [];
                foreach (var field in literal.Fields)
                {
                    fields.AddRange(ParseFormattedField(field));
                }
            }

            _pos++;
        }

        return new StringExpression(joined?.ToString() ?? first, isLiteral, fields ?? (IReadOnlyList<PythonExpression>)[], line);
    }

    private List<PythonExpression> ParseFormattedField(FormattedField field)
    {
        if (_nesting + 1 >= MaxNesting)
        {
            return [];
        }

        var tokenizer = new PythonTokenizer(_text, field.Start, field.End, field.Line);
        var tokens = new List<PythonToken>();
        while (true)
        {
            var token = tokenizer.Next();
            if (token.Kind == PythonTokenKind.EndOfFile)
            {
                break;
            }

            if (token.Kind != PythonTokenKind.Newline)
            {
                tokens.Add(token);
            }
        }

        return ParseAll(_text, new TokenSpan(tokens, 0, tokens.Count), _nesting + 1);
    }

    private PythonExpression ParsePostfix(PythonExpression expression)
    {
        while (!AtEnd)
        {
            var token = Current;
            if (token.IsOperator(".") && _pos + 1 < _tokens.Count && _tokens[_pos + 1].Kind == PythonTokenKind.Name)
            {
                expression = new AttributeExpression(expression, _tokens[_pos + 1].Text, expression.Line);
                _pos += 2;
            }
            else if (token.IsOperator("("))
            {
                expression = new CallExpression(expression, ParseArguments(), expression.Line);
            }
            else if (token.IsOperator("["))
            {
                var index = ParseDisplay("]", token.Line);
                IReadOnlyList<PythonExpression> items = index is SequenceExpression sequence ? sequence.Items : [index];
                expression = new SubscriptExpression(expression, items, expression.Line);
            }
            else
            {
                break;
            }
        }

        return expression;
    }

    /// <summary>At '(' of a call: reads arguments up to the matching ')'.</summary>
    private List<CallArgument> ParseArguments()
    {
        _pos++;
        var arguments = new List<CallArgument>();
        if (!Enter())
        {
            return arguments;
        }

        while (!AtEnd)
        {
            var token = Current;
            if (token.IsOperator(")"))
            {
                _pos++;
                break;
            }

            if (token.IsOperator("]") || token.IsOperator("}"))
            {
                break; // mismatched closer: leave it to whoever opened it
            }

            var before = _pos;
            var stars = 0;
            if (token.IsOperator("*") || token.IsOperator("**"))
            {
                stars = token.Text.Length;
                _pos++;
            }

            string? keyword = null;
            if (!AtEnd && Current.Kind == PythonTokenKind.Name && _pos + 1 < _tokens.Count && _tokens[_pos + 1].IsOperator("="))
            {
                keyword = Current.Text;
                _pos += 2;
            }

            if (!AtEnd && ParseExpression() is { } value)
            {
                arguments.Add(new CallArgument(keyword, stars, value));
            }

            if (_pos == before)
            {
                _pos++; // a separator or stray token
            }
        }

        _nesting--;
        return arguments;
    }

    /// <summary>At an opening bracket: a tuple/list/set/dict display, a parenthesised expression or a subscript's items.</summary>
    private PythonExpression ParseDisplay(string closer, int line)
    {
        var opener = Current.Text;
        _pos++;
        if (!Enter())
        {
            return new CompoundExpression([], [], line);
        }

        var entries = new List<(PythonExpression Expression, bool AfterColon)>();
        var afterColon = false;
        var sawComma = false;
        var sawColon = false;
        while (!AtEnd)
        {
            var token = Current;
            if (token.IsOperator(closer))
            {
                _pos++;
                break;
            }

            if (token.Kind == PythonTokenKind.Operator && token.Text is ")" or "]" or "}")
            {
                break;
            }

            var before = _pos;
            if (token.IsOperator(","))
            {
                sawComma = true;
                afterColon = false;
            }
            else if (token.IsOperator(":"))
            {
                sawColon = true;
                afterColon = true;
            }
            else if (ParseExpression() is { } expression)
            {
                entries.Add((expression, afterColon));
                afterColon = false;
            }

            if (_pos == before)
            {
                _pos++;
            }
        }

        _nesting--;
        if (opener == "(" && entries.Count == 1 && !sawComma)
        {
            return entries[0].Expression;
        }

        if (opener == "{" && (sawColon || entries.Count == 0))
        {
            return BuildDict(entries, line);
        }

        var items = new List<PythonExpression>(entries.Count);
        foreach (var entry in entries)
        {
            items.Add(entry.Expression);
        }

        return new SequenceExpression(items, line);
    }

    private static DictExpression BuildDict(List<(PythonExpression Expression, bool AfterColon)> entries, int line)
    {
        var keys = new List<PythonExpression?>();
        var values = new List<PythonExpression>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!entries[i].AfterColon && i + 1 < entries.Count && entries[i + 1].AfterColon)
            {
                keys.Add(entries[i].Expression);
                values.Add(entries[i + 1].Expression);
                i++;
            }
            else
            {
                keys.Add(null);
                values.Add(entries[i].Expression);
            }
        }

        return new DictExpression(keys, values, line);
    }

    /// <summary>Enters one bracket level; past the limit, skips to the matching closer and returns false.</summary>
    private bool Enter()
    {
        if (_nesting < MaxNesting)
        {
            _nesting++;
            return true;
        }

        var depth = 0;
        while (!AtEnd)
        {
            var token = Current;
            _pos++;
            if (token.Kind != PythonTokenKind.Operator)
            {
                continue;
            }

            if (token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Text is ")" or "]" or "}")
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
        }

        return false;
    }
}
