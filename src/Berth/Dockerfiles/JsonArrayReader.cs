using System.Globalization;
using System.Text;

namespace Berth.Dockerfiles;

/// <summary>Reads the exec form: a JSON array of strings, with each item's span. Anything else is not exec form.</summary>
internal static class JsonArrayReader
{
    public static List<ArgumentWord>? TryRead(MappedText text)
    {
        var s = text.Text;
        var p = 0;
        SkipSpace(s, ref p);
        if (p >= s.Length || s[p] != '[')
            return null;
        p++;
        var items = new List<ArgumentWord>();
        SkipSpace(s, ref p);
        if (p < s.Length && s[p] == ']')
        {
            p++;
            SkipSpace(s, ref p);
            return p == s.Length ? items : null;
        }
        while (true)
        {
            SkipSpace(s, ref p);
            var start = p;
            var value = ReadString(s, ref p);
            if (value is null)
                return null;
            items.Add(new ArgumentWord(s[start..p], value, text.Span(start, p)));
            SkipSpace(s, ref p);
            if (p >= s.Length)
                return null;
            if (s[p] == ',')
            {
                p++;
                continue;
            }
            if (s[p] != ']')
                return null;
            p++;
            SkipSpace(s, ref p);
            return p == s.Length ? items : null;
        }
    }

    private static void SkipSpace(string s, ref int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t' or '\r' or '\n')
            p++;
    }

    private static string? ReadString(string s, ref int p)
    {
        if (p >= s.Length || s[p] != '"')
            return null;
        p++;
        // Most items have no escapes: their value is the text between the quotes, cut out in one go without a builder.
        var close = s.AsSpan(p).IndexOfAny('"', '\\');
        if (close >= 0 && s[p + close] == '"' && !s.AsSpan(p, close).ContainsAnyInRange('\0', (char)(' ' - 1)))
        {
            var plain = s.Substring(p, close);
            p += close + 1;
            return plain;
        }
        var value = new StringBuilder();
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '"')
            {
                p++;
                return value.ToString();
            }
            if (c < ' ')
                return null;
            if (c == '\\')
            {
                if (p + 1 >= s.Length)
                    return null;
                var e = s[p + 1];
                p += 2;
                switch (e)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (p + 4 > s.Length || !int.TryParse(s.AsSpan(p, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            return null;
                        value.Append((char)code);
                        p += 4;
                        break;
                    default:
                        return null;
                }
                continue;
            }
            value.Append(c);
            p++;
        }
        return null;
    }
}
