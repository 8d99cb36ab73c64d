using System.Globalization;
using System.Text;

namespace Berth.Apps.Python.Source;

/// <summary>
/// A forgiving Python tokenizer: strings (prefixes, triple quotes, escapes, f-string fields), numbers, names,
/// operators, comments, backslash continuations and implicit continuation inside brackets. Never throws; malformed
/// input ends a token where Python would report the error. Runs in one pass over the text.
/// </summary>
internal sealed class PythonTokenizer
{
    private const int MaxStringNesting = 16;
    private const int TabSize = 8;

    private static readonly string[] ThreeCharOperators = ["**=", "//=", ">>=", "<<=", "..."];
    private static readonly string[] TwoCharOperators =
        ["->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<>"];
    private static readonly string[] AsciiStrings = CreateAsciiStrings();

    private readonly string _text;
    private readonly int _end;
    private int _pos;
    private int _line;
    private int _bracketDepth;
    private bool _atPhysicalLineStart = true;
    private int _physicalIndent;
    private int _tokensOnLogicalLine;
    private int _stringNesting;

    public PythonTokenizer(string text)
        : this(text, 0, text.Length, 1)
    {
    }

    /// <summary>Tokenizes text[start..end), numbering lines from <paramref name="line"/> (used for f-string fields).</summary>
    public PythonTokenizer(string text, int start, int end, int line)
    {
        _text = text;
        _end = Math.Clamp(end, 0, text.Length);
        _pos = Math.Clamp(start, 0, _end);
        _line = line;
        if (_pos < _end && _text[_pos] == '\uFEFF')
        {
            _pos++;
        }
    }

    /// <summary>Indentation column (tabs to multiples of 8) of the logical line the last token belongs to.</summary>
    public int LogicalIndent { get; private set; }

    public PythonToken Next()
    {
        while (true)
        {
            if (_atPhysicalLineStart)
            {
                _physicalIndent = MeasureIndent();
                _atPhysicalLineStart = false;
            }

            SkipBlanks();
            if (_pos >= _end)
            {
                return _tokensOnLogicalLine > 0
                    ? EndLogicalLine()
                    : new PythonToken(PythonTokenKind.EndOfFile, "", _line, _end, _end);
            }

            var c = _text[_pos];
            if (c == '#')
            {
                SkipComment();
                continue;
            }

            if (c is '\n' or '\r')
            {
                SkipLineBreak();
                _atPhysicalLineStart = true;
                if (_bracketDepth > 0 && StartsStatementAtColumnZero())
                {
                    // Unbalanced brackets: a new top-level statement ends the runaway logical line.
                    _bracketDepth = 0;
                }

                if (_bracketDepth == 0 && _tokensOnLogicalLine > 0)
                {
                    return EndLogicalLine();
                }

                continue;
            }

            if (c == '\\' && _pos + 1 < _end && _text[_pos + 1] is '\n' or '\r')
            {
                _pos++;
                SkipLineBreak();
                continue;
            }

            var token = ReadToken(c);
            if (_tokensOnLogicalLine == 0)
            {
                LogicalIndent = _physicalIndent;
            }

            _tokensOnLogicalLine++;
            return token;
        }
    }

    private PythonToken EndLogicalLine()
    {
        _tokensOnLogicalLine = 0;
        return new PythonToken(PythonTokenKind.Newline, "", _line, _pos, _pos);
    }

    private int MeasureIndent()
    {
        var column = 0;
        for (var i = _pos; i < _end; i++)
        {
            var ch = _text[i];
            if (ch == ' ')
            {
                column++;
            }
            else if (ch == '\t')
            {
                column = ((column / TabSize) + 1) * TabSize;
            }
            else if (ch == '\f')
            {
                column = 0;
            }
            else
            {
                break;
            }
        }

        return column;
    }

    private void SkipBlanks()
    {
        while (_pos < _end && _text[_pos] is ' ' or '\t' or '\f' or '\v' or '\0')
        {
            _pos++;
        }
    }

    private void SkipComment()
    {
        while (_pos < _end && _text[_pos] is not ('\n' or '\r'))
        {
            _pos++;
        }
    }

    private void SkipLineBreak()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
    }

    private bool StartsStatementAtColumnZero()
    {
        var p = _pos;
        if (p >= _end)
        {
            return false;
        }

        if (_text[p] == '@')
        {
            return p + 1 < _end && IsIdentifierStart(_text[p + 1]);
        }

        var word = ReadWordAt(ref p);
        if (p >= _end || _text[p] is not (' ' or '\t'))
        {
            return false;
        }

        if (word is "def" or "class" or "import" or "from")
        {
            return true;
        }

        if (word is not "async")
        {
            return false;
        }

        while (p < _end && _text[p] is ' ' or '\t')
        {
            p++;
        }

        return ReadWordAt(ref p) is "def";
    }

    private ReadOnlySpan<char> ReadWordAt(ref int p)
    {
        var start = p;
        if (p < _end && IsIdentifierStart(_text[p]))
        {
            while (p < _end && IsIdentifierPart(_text[p]))
            {
                p++;
            }
        }

        return _text.AsSpan(start, p - start);
    }

    private PythonToken ReadToken(char c)
    {
        var start = _pos;
        if (IsIdentifierStart(c))
        {
            while (_pos < _end && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            var length = _pos - start;
            if (_pos < _end && _text[_pos] is '\'' or '"' && IsStringPrefix(start, length))
            {
                return ReadString(start, _text.AsSpan(start, length));
            }

            return new PythonToken(PythonTokenKind.Name, _text.Substring(start, length), _line, start, _pos);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return ReadNumber(start);
        }

        if (c is '\'' or '"')
        {
            return ReadString(start, []);
        }

        return ReadOperator(start);
    }

    private PythonToken ReadNumber(int start)
    {
        var radix = _text[_pos] == '0' && _pos + 1 < _end && _text[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B';
        _pos++;
        while (_pos < _end)
        {
            var ch = _text[_pos];
            if (char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.')
            {
                _pos++;
            }
            else if (ch is '+' or '-' && !radix && _text[_pos - 1] is 'e' or 'E')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }

        return new PythonToken(PythonTokenKind.Number, _text.Substring(start, _pos - start), _line, start, _pos);
    }

    private PythonToken ReadOperator(int start)
    {
        foreach (var op in ThreeCharOperators)
        {
            if (MatchesAt(op))
            {
                _pos += op.Length;
                return new PythonToken(PythonTokenKind.Operator, op, _line, start, _pos);
            }
        }

        foreach (var op in TwoCharOperators)
        {
            if (MatchesAt(op))
            {
                _pos += op.Length;
                return new PythonToken(PythonTokenKind.Operator, op, _line, start, _pos);
            }
        }

        var c = _text[_pos++];
        if (c is '(' or '[' or '{')
        {
            _bracketDepth++;
        }
        else if (c is ')' or ']' or '}' && _bracketDepth > 0)
        {
            _bracketDepth--;
        }

        var text = c < AsciiStrings.Length ? AsciiStrings[c] : c.ToString();
        return new PythonToken(PythonTokenKind.Operator, text, _line, start, _pos);
    }

    private bool MatchesAt(string op) =>
        _pos + op.Length <= _end && string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0;

    private PythonToken ReadString(int start, ReadOnlySpan<char> prefix)
    {
        var line = _line;
        var literal = ReadStringBody(prefix);
        return new PythonToken(PythonTokenKind.String, literal.Value, line, start, _pos, literal);
    }

    /// <summary>Reads from the opening quote at _pos to just past the closing quote (or where an unterminated string stops).</summary>
    private PythonStringLiteral ReadStringBody(ReadOnlySpan<char> prefix)
    {
        var raw = prefix.ContainsAny('r', 'R');
        var bytes = prefix.ContainsAny('b', 'B');
        var formatted = prefix.ContainsAny("fFtT") && _stringNesting < MaxStringNesting;
        var quote = _text[_pos];
        var triple = _pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var value = new StringBuilder();
        List<FormattedField>? fields = formatted ? [] : null;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                if (!triple)
                {
                    _pos++;
                    break;
                }

                if (_pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote)
                {
                    _pos += 3;
                    break;
                }

                value.Append(c);
                _pos++;
            }
            else if (c is '\n' or '\r')
            {
                if (!triple)
                {
                    break; // unterminated single-quoted string ends at the line break
                }

                SkipLineBreak();
                value.Append('\n');
            }
            else if (c == '\\')
            {
                ReadBackslash(value, raw, bytes);
            }
            else if (fields is not null && c == '{')
            {
                if (_pos + 1 < _end && _text[_pos + 1] == '{')
                {
                    value.Append('{');
                    _pos += 2;
                }
                else
                {
                    ReadFormattedField(value, fields, triple);
                }
            }
            else if (fields is not null && c == '}' && _pos + 1 < _end && _text[_pos + 1] == '}')
            {
                value.Append('}');
                _pos += 2;
            }
            else
            {
                value.Append(c);
                _pos++;
            }
        }

        return new PythonStringLiteral(value.ToString(), bytes, formatted, fields ?? (IReadOnlyList<FormattedField>)[]);
    }

    private void ReadBackslash(StringBuilder value, bool raw, bool bytes)
    {
        if (_pos + 1 >= _end)
        {
            value.Append('\\');
            _pos++;
            return;
        }

        var next = _text[_pos + 1];
        if (next is '\n' or '\r')
        {
            _pos++;
            SkipLineBreak();
            if (raw)
            {
                value.Append("\\\n");
            }

            return;
        }

        if (raw)
        {
            value.Append('\\').Append(next);
            _pos += 2;
            return;
        }

        _pos += 2;
        switch (next)
        {
            case '\\' or '\'' or '"':
                value.Append(next);
                break;
            case 'n':
                value.Append('\n');
                break;
            case 't':
                value.Append('\t');
                break;
            case 'r':
                value.Append('\r');
                break;
            case 'a':
                value.Append('\a');
                break;
            case 'b':
                value.Append('\b');
                break;
            case 'f':
                value.Append('\f');
                break;
            case 'v':
                value.Append('\v');
                break;
            case 'x':
                AppendHexEscape(value, 2, next);
                break;
            case 'u' when !bytes:
                AppendHexEscape(value, 4, next);
                break;
            case 'U' when !bytes:
                AppendHexEscape(value, 8, next);
                break;
            case >= '0' and <= '7':
                var code = next - '0';
                for (var i = 0; i < 2 && _pos < _end && _text[_pos] is >= '0' and <= '7'; i++)
                {
                    code = (code * 8) + (_text[_pos++] - '0');
                }

                value.Append((char)code);
                break;
            default:
                value.Append('\\').Append(next);
                break;
        }
    }

    private void AppendHexEscape(StringBuilder value, int digits, char letter)
    {
        if (_pos + digits <= _end
            && int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            value.Append(char.ConvertFromUtf32(code));
            _pos += digits;
            return;
        }

        value.Append('\\').Append(letter);
    }

    /// <summary>At the '{' of an f-string replacement field: records the field's source range and skips past its '}'.</summary>
    private void ReadFormattedField(StringBuilder value, List<FormattedField> fields, bool triple)
    {
        _pos++;
        var fieldStart = _pos;
        var fieldLine = _line;
        var depth = 0;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c is '\n' or '\r')
            {
                if (!triple)
                {
                    return; // unterminated; the string ends at the line break
                }

                SkipLineBreak();
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
                _pos++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                _pos++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    fields.Add(new FormattedField(fieldStart, _pos, fieldLine));
                    value.Append('{').Append(_text, fieldStart, _pos - fieldStart).Append('}');
                    _pos++;
                    return;
                }

                depth--;
                _pos++;
            }
            else if (c is '\'' or '"')
            {
                var prefixStart = _pos;
                while (prefixStart > fieldStart && _pos - prefixStart < 2 && IsPrefixLetter(_text[prefixStart - 1]))
                {
                    prefixStart--;
                }

                var isPrefix = prefixStart == fieldStart || !IsIdentifierPart(_text[prefixStart - 1]);
                var prefix = isPrefix ? _text.AsSpan(prefixStart, _pos - prefixStart) : [];
                _stringNesting++;
                ReadStringBody(prefix);
                _stringNesting--;
            }
            else
            {
                _pos++;
            }
        }
    }

    private bool IsStringPrefix(int start, int length)
    {
        if (length > 2)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (!IsPrefixLetter(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrefixLetter(char c) => c is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F' or 't' or 'T';

    internal static bool IsIdentifierStart(char c) =>
        c == '_' || char.IsAsciiLetter(c) || (c >= 0x80 && IsUnicodeIdentifierChar(c) && !char.IsDigit(c));

    internal static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsUnicodeIdentifierChar(c));

    private static bool IsUnicodeIdentifierChar(char c)
    {
        if (c == '\uFEFF')
        {
            return false;
        }

        if (char.IsSurrogate(c) || char.IsLetterOrDigit(c))
        {
            return true;
        }

        return char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber;
    }

    private static string[] CreateAsciiStrings()
    {
        var strings = new string[128];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = ((char)i).ToString();
        }

        return strings;
    }
}
