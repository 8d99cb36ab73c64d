using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// The exclusion patterns of a .dockerignore, read as BuildKit does: one pattern a line, '#' comments, leading '/' and './' dropped,
/// '*' and '?' within a path segment, '**' across segments; a pattern that matches a folder excludes everything under it.
/// </summary>
internal sealed class DockerignorePatterns
{
    private readonly List<(string Pattern, Regex Regex)> _patterns;

    private DockerignorePatterns(List<(string, Regex)> patterns, bool hasExceptions)
    {
        _patterns = patterns;
        HasExceptions = hasExceptions;
    }

    /// <summary>Whether any line re-includes with '!': then whether a path is excluded depends on order and on the files, and callers stay quiet.</summary>
    public bool HasExceptions { get; }

    public static DockerignorePatterns Read(string text)
    {
        var patterns = new List<(string, Regex)>();
        var exceptions = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith('!'))
            {
                exceptions = true;
                continue;
            }
            var pattern = Clean(line);
            if (pattern.Length == 0 || pattern == ".")
                continue;
            patterns.Add((line, new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))));
        }
        return new DockerignorePatterns(patterns, exceptions);
    }

    /// <summary>The pattern that excludes a context-relative path (or one of its parent folders), or null.</summary>
    public string? Excluding(string path)
    {
        var clean = Clean(path);
        if (clean.Length == 0 || clean == ".")
            return null;
        var candidates = new List<string>();
        var slash = -1;
        while ((slash = clean.IndexOf('/', slash + 1)) > 0)
            candidates.Add(clean[..slash]);
        candidates.Add(clean);
        foreach (var (pattern, regex) in _patterns)
        {
            if (candidates.Any(c => regex.IsMatch(c)))
                return pattern;
        }
        return null;
    }

    private static string Clean(string path)
    {
        var text = path.Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith('/'))
            text = text.StartsWith('/') ? text[1..] : text[2..];
        while (text.Contains("//", StringComparison.Ordinal))
            text = text.Replace("//", "/", StringComparison.Ordinal);
        return text.TrimEnd('/');
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close < 0)
                {
                    regex.Append(@"\[");
                    continue;
                }
                var set = pattern[(i + 1)..close];
                regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return regex.ToString();
    }
}
