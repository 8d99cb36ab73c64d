using System.Text;

namespace Berth.Dockerfiles;

/// <summary>The result of expanding a word: its value and the variables that were not set.</summary>
public sealed record Expansion(string Value, IReadOnlyList<string> Unresolved)
{
    public bool IsComplete => Unresolved.Count == 0;
}

/// <summary>
/// Expands a word as BuildKit does for ARG/ENV/FROM/COPY...: quotes removed, <c>$VAR</c>,
/// <c>${VAR}</c>, <c>${VAR:-w}</c>, <c>${VAR-w}</c>, <c>${VAR:+w}</c>, <c>${VAR+w}</c>, and the escape
/// char protecting the next char (so <c>\$</c> is a literal dollar). Linear in the word length.
/// </summary>
public static class VariableExpander
{
    public static Expansion Expand(string word, Func<string, string?> lookup, char escape = '\\')
    {
        var unresolved = new List<string>();
        var p = 0;
        var value = ExpandUntil(word, ref p, lookup, escape, unresolved, stopAtBrace: false);
        return new Expansion(value, unresolved);
    }

    private static string ExpandUntil(string s, ref int p, Func<string, string?> lookup, char escape, List<string> unresolved, bool stopAtBrace)
    {
        var result = new StringBuilder();
        while (p < s.Length)
        {
            var c = s[p];
            if (stopAtBrace && c == '}')
                break;
            if (c == escape)
            {
                if (p + 1 < s.Length)
                    result.Append(s[p + 1]);
                p += 2;
            }
            else if (c == '\'')
            {
                var close = s.IndexOf('\'', p + 1);
                if (close < 0)
                    close = s.Length;
                result.Append(s, p + 1, close - p - 1);
                p = close + 1;
            }
            else if (c == '"')
            {
                p++;
                while (p < s.Length && s[p] != '"')
                {
                    if (s[p] == escape && p + 1 < s.Length && s[p + 1] is '"' or '$' or '\\' or '`')
                    {
                        result.Append(s[p + 1]);
                        p += 2;
                    }
                    else if (s[p] == '$')
                    {
                        result.Append(Variable(s, ref p, lookup, escape, unresolved));
                    }
                    else
                    {
                        result.Append(s[p]);
                        p++;
                    }
                }
                p++;
            }
            else if (c == '$')
            {
                result.Append(Variable(s, ref p, lookup, escape, unresolved));
            }
            else
            {
                result.Append(c);
                p++;
            }
        }
        return result.ToString();
    }

    /// <summary>Reads a variable reference at s[p] == '$'.</summary>
    private static string Variable(string s, ref int p, Func<string, string?> lookup, char escape, List<string> unresolved)
    {
        p++;
        if (p >= s.Length)
            return "$";
        if (s[p] != '{')
        {
            var start = p;
            if (char.IsAsciiDigit(s[p]))
            {
                p++;
            }
            else
            {
                while (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || s[p] == '_'))
                    p++;
            }
            if (p == start)
                return "$";
            var simple = s[start..p];
            var found = lookup(simple);
            if (found is null)
                unresolved.Add(simple);
            return found ?? "";
        }
        p++;
        var nameStart = p;
        while (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || s[p] == '_'))
            p++;
        var name = s[nameStart..p];
        var value = lookup(name);
        if (p >= s.Length)
        {
            if (value is null)
                unresolved.Add(name);
            return value ?? "";
        }
        if (s[p] == '}')
        {
            p++;
            if (value is null)
                unresolved.Add(name);
            return value ?? "";
        }
        var colon = s[p] == ':';
        if (colon)
            p++;
        var op = p < s.Length ? s[p] : '}';
        p++;
        var nested = new List<string>();
        var word = ExpandUntil(s, ref p, lookup, escape, nested, stopAtBrace: true);
        p++; // the closing brace
        var isSet = value is not null && (!colon || value.Length > 0);
        switch (op)
        {
            case '-':
                if (isSet)
                    return value!;
                unresolved.AddRange(nested);
                return word;
            case '+':
                if (!isSet)
                    return "";
                unresolved.AddRange(nested);
                return word;
            case '?':
                if (!isSet)
                    unresolved.Add(name);
                return value ?? "";
            default:
                // Pattern operators (#, %, /) are not applied; the value is kept as is.
                if (value is null)
                    unresolved.Add(name);
                return value ?? "";
        }
    }
}
