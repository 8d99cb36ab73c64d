namespace Berth.Linting.Labels;

/// <summary>
/// Checks an SPDX license expression (SPDX spec annex D): license IDs from the SPDX License List (case-insensitive, current or deprecated,
/// optionally with <c>+</c>), <c>LicenseRef-…</c> and <c>DocumentRef-…:LicenseRef-…</c>, joined with <c>AND</c>, <c>OR</c>,
/// <c>WITH exception</c> and parentheses. Exception IDs are checked for their shape only. A single ID is the simplest expression.
/// </summary>
public static class SpdxExpression
{
    private static readonly Lazy<HashSet<string>> Ids = new(LoadIds);

    public static bool IsLicenseId(string id) => Ids.Value.Contains(id);

    public static bool IsValid(string text)
    {
        var tokens = Tokens(text);
        if (tokens is null || tokens.Count == 0)
            return false;
        var p = 0;
        return Or(tokens, ref p) && p == tokens.Count;
    }

    private static bool Or(List<string> tokens, ref int p)
    {
        if (!And(tokens, ref p))
            return false;
        while (p < tokens.Count && tokens[p] == "OR")
        {
            p++;
            if (!And(tokens, ref p))
                return false;
        }
        return true;
    }

    private static bool And(List<string> tokens, ref int p)
    {
        if (!With(tokens, ref p))
            return false;
        while (p < tokens.Count && tokens[p] == "AND")
        {
            p++;
            if (!With(tokens, ref p))
                return false;
        }
        return true;
    }

    private static bool With(List<string> tokens, ref int p)
    {
        if (p >= tokens.Count)
            return false;
        if (tokens[p] == "(")
        {
            p++;
            if (!Or(tokens, ref p) || p >= tokens.Count || tokens[p] != ")")
                return false;
            p++;
            return true;
        }
        if (!IsLicense(tokens[p]))
            return false;
        p++;
        if (p < tokens.Count && tokens[p] == "WITH")
        {
            p++;
            if (p >= tokens.Count || !IsIdString(tokens[p]) || IsOperator(tokens[p]))
                return false;
            p++;
        }
        return true;
    }

    private static bool IsLicense(string token)
    {
        if (token.StartsWith("LicenseRef-", StringComparison.Ordinal))
            return IsIdString(token["LicenseRef-".Length..]);
        if (token.StartsWith("DocumentRef-", StringComparison.Ordinal))
        {
            var colon = token.IndexOf(":LicenseRef-", StringComparison.Ordinal);
            return colon > "DocumentRef-".Length && IsIdString(token["DocumentRef-".Length..colon]) && IsIdString(token[(colon + ":LicenseRef-".Length)..]);
        }
        var id = token.EndsWith('+') ? token[..^1] : token;
        return IsLicenseId(id);
    }

    private static bool IsOperator(string token) => token is "AND" or "OR" or "WITH";

    private static bool IsIdString(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    /// <summary>Words and parentheses; null when a character no expression may hold appears.</summary>
    private static List<string>? Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
                tokens.Add(word.ToString());
            word.Clear();
        }
        foreach (var c in text)
        {
            if (c is ' ' or '\t')
                Flush();
            else if (c is '(' or ')')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+' or ':')
                word.Append(c);
            else
                return null;
        }
        Flush();
        return tokens;
    }

    private static HashSet<string> LoadIds()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var stream = typeof(SpdxExpression).Assembly.GetManifestResourceStream("spdx-license-ids.txt")
            ?? throw new InvalidOperationException("the SPDX license list is not embedded in Berth.Core");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                ids.Add(line.Trim());
        }
        return ids;
    }
}
