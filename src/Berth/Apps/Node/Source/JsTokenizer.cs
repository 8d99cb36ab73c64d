using System.Text;

namespace Berth.Apps.Node.Source;

/// <summary>The kinds of token the JavaScript/TypeScript reader tells apart. Comments, blanks and regular expressions never become tokens.</summary>
internal enum JsTokenKind
{
    Identifier,
    Number,

    /// <summary>A '…' or "…" string, or a template literal without substitutions: Text is the decoded value.</summary>
    String,

    /// <summary>A template literal with substitutions: Text is the literal parts joined; the substitutions' tokens follow it.</summary>
    Template,
    Punctuator,
}

/// <summary>One token: the identifier, number or punctuator as written, or a string's value; Line is 1-based.</summary>
internal readonly record struct JsToken(JsTokenKind Kind, string Text, int Line)
{
    public bool Is(string punctuator) => Kind == JsTokenKind.Punctuator && string.Equals(Text, punctuator, StringComparison.Ordinal);

    public bool IsIdentifier(string name) => Kind == JsTokenKind.Identifier && string.Equals(Text, name, StringComparison.Ordinal);

    public bool IsString => Kind == JsTokenKind.String;
}

/// <summary>
/// A tokenizer good enough to read what a service's code says about itself (env reads, routes, listen calls, exports) without being
/// fooled by comments, strings, template literals or regular expressions: <c>// app.get('/health')</c> is not a route. It does not
/// parse; it never fails: an unterminated string ends at the end of its line (JSX text such as <c>Don't</c> cannot swallow the file).
/// Linear in the input.
/// </summary>
internal static class JsTokenizer
{
    private static readonly string[] Punctuators =
    [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
    ];

    public static List<JsToken> Tokenize(string text)
    {
        var tokens = new List<JsToken>();
        // Brace depth at which each open template substitution (${ … }) returns to its template.
        var templateDepths = new Stack<int>();
        var braceDepth = 0;
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += Count(text, i, end, '\n');
                i = end;
                continue;
            }
            if (c is '\'' or '"')
            {
                var startLine = line;
                var value = ReadQuoted(text, ref i, ref line, c);
                tokens.Add(new JsToken(JsTokenKind.String, value, startLine));
                continue;
            }
            if (c == '`')
            {
                i++;
                ReadTemplate(text, ref i, ref line, tokens, templateDepths, braceDepth);
                continue;
            }
            if (c == '}' && templateDepths.Count > 0 && templateDepths.Peek() == braceDepth)
            {
                templateDepths.Pop();
                i++;
                ReadTemplate(text, ref i, ref line, tokens, templateDepths, braceDepth, continued: true);
                continue;
            }
            if (c == '/' && RegexMayStart(tokens))
            {
                SkipRegex(text, ref i);
                continue;
            }
            if (IsIdentifierStart(c))
            {
                var start = i;
                i++; // the first character may be '@' or '#', which IsIdentifierPart does not take
                while (i < text.Length && IsIdentifierPart(text[i]))
                    i++;
                tokens.Add(new JsToken(JsTokenKind.Identifier, text[start..i], line));
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    i++;
                tokens.Add(new JsToken(JsTokenKind.Number, text[start..i].Replace("_", "", StringComparison.Ordinal), line));
                continue;
            }
            var punctuator = MatchPunctuator(text, i);
            if (punctuator == "{")
                braceDepth++;
            else if (punctuator == "}")
                braceDepth--;
            tokens.Add(new JsToken(JsTokenKind.Punctuator, punctuator, line));
            i += punctuator.Length;
        }
        return tokens;
    }

    private static string MatchPunctuator(string text, int i)
    {
        foreach (var p in Punctuators)
        {
            if (string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
                return p;
        }
        return text[i].ToString();
    }

    /// <summary>A '/' starts a regular expression unless it follows something that ends an operand (a name, a literal, ')' or ']').</summary>
    private static bool RegexMayStart(List<JsToken> tokens)
    {
        if (tokens.Count == 0)
            return true;
        var last = tokens[^1];
        return last.Kind switch
        {
            JsTokenKind.Identifier => last.Text is "return" or "typeof" or "case" or "do" or "else" or "in" or "of" or "new" or "delete" or "void" or "throw" or "yield" or "await",
            JsTokenKind.Number or JsTokenKind.String or JsTokenKind.Template => false,
            _ => !(last.Text is ")" or "]" or "}"),
        };
    }

    private static void SkipRegex(string text, ref int i)
    {
        i++;
        var inClass = false;
        while (i < text.Length && text[i] != '\n')
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < text.Length && IsIdentifierPart(text[i]))
                    i++; // flags
                return;
            }
            i++;
        }
    }

    private static string ReadQuoted(string text, ref int i, ref int line, char quote)
    {
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                i++;
                return value.ToString();
            }
            if (c == '\n')
                return value.ToString(); // unterminated: the line ends it
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == '\n')
                    line++;
                else
                    value.Append(Escape(next));
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        return value.ToString();
    }

    /// <summary>Reads template text up to its end (adding a String/Template token) or up to a <c>${</c> (leaving the substitution to the main loop).</summary>
    private static void ReadTemplate(string text, ref int i, ref int line, List<JsToken> tokens, Stack<int> templateDepths, int braceDepth, bool continued = false)
    {
        var startLine = line;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                i++;
                if (continued)
                    tokens.Add(new JsToken(JsTokenKind.Punctuator, "`", startLine));
                else
                    tokens.Add(new JsToken(JsTokenKind.String, value.ToString(), startLine));
                return;
            }
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i += 2;
                tokens.Add(new JsToken(JsTokenKind.Template, value.ToString(), startLine));
                templateDepths.Push(braceDepth);
                return;
            }
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == '\n')
                    line++;
                value.Append(Escape(text[i + 1]));
                i += 2;
                continue;
            }
            if (c == '\n')
                line++;
            value.Append(c);
            i++;
        }
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        _ => c,
    };

    private static int Count(string text, int start, int end, char c)
    {
        var n = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] == c)
                n++;
        }
        return n;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$' or '@' or '#';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
