using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Dockerfiles;

/// <summary>One line of a .dockerignore: the pattern as written (trimmed), whether it re-includes ('!'), and its line.</summary>
public sealed record DockerignorePattern(string Text, bool IsException, int Line);

/// <summary>
/// A .dockerignore read and matched as Docker does (moby/patternmatcher): lines starting with '#' are comments, blank lines are skipped,
/// each pattern is trimmed and cleaned ('./', '..', '//' and trailing '/' resolved, a leading '/' dropped); '*' and '?' stay within a
/// path segment, '**' spans segments, '[...]' is a character class, '\' escapes the next character. Patterns apply in order and the
/// last one that matches a path or one of its parent folders decides: a pattern excludes, a '!' pattern re-includes. A pattern Docker
/// rejects (an unclosed '[', a lone '!') makes the whole file invalid, as it makes the build fail.
/// </summary>
public sealed class DockerignoreMatcher
{
    private readonly List<(DockerignorePattern Pattern, string Cleaned, PatternRegex Regex)> _patterns;

    private DockerignoreMatcher(List<(DockerignorePattern, string, PatternRegex)> patterns, bool isValid)
    {
        _patterns = patterns;
        IsValid = isValid;
    }

    /// <summary>False when Docker would reject the file; then nothing is excluded.</summary>
    public bool IsValid { get; }

    public IReadOnlyList<DockerignorePattern> Patterns => [.. _patterns.Select(p => p.Pattern)];

    /// <summary>Whether any pattern re-includes with '!'.</summary>
    public bool HasExceptions => _patterns.Any(p => p.Pattern.IsException);

    public static DockerignoreMatcher Parse(string text)
    {
        var patterns = new List<(DockerignorePattern, string, PatternRegex)>();
        var valid = true;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (line.StartsWith('#'))
                continue;
            line = line.Trim();
            if (line.Length == 0)
                continue;
            var exception = line[0] == '!';
            var body = exception ? line[1..].Trim() : line;
            var cleaned = Clean(body);
            var regex = body.Length == 0 ? null : Compile(cleaned);
            if (regex is null)
            {
                valid = false;
                continue;
            }
            patterns.Add((new DockerignorePattern(line, exception, i + 1), cleaned, regex));
        }
        return new DockerignoreMatcher(valid ? patterns : [], valid);
    }

    /// <summary>Whether a context-relative path is left out of the build context.</summary>
    public bool IsExcluded(string path) => ExcludedBy(path) is not null;

    /// <summary>The pattern that leaves a context-relative path out of the build context, or null when the path is in it.</summary>
    public DockerignorePattern? ExcludedBy(string path)
    {
        var file = Clean(path);
        if (file is "." or "" || _patterns.Count == 0)
            return null;
        var parents = new List<string>();
        for (var slash = file.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = file.IndexOf('/', slash + 1))
            parents.Add(file[..slash]);
        DockerignorePattern? deciding = null;
        foreach (var (pattern, _, regex) in _patterns)
        {
            // As Docker: an exclusion is only tried while the path is included, an exception only while it is excluded.
            if (pattern.IsException != (deciding is not null))
                continue;
            if (regex.IsMatch(file) || parents.Any(regex.IsMatch))
                deciding = pattern.IsException ? null : pattern;
        }
        return deciding;
    }

    /// <summary>Go's filepath.Clean on a slash path, then without a leading '/': "./a//b/../c/" is "a/c".</summary>
    internal static string Clean(string path)
    {
        if (path.Length == 0)
            return ".";
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else if (part != ".." || !rooted)
                parts.Add(part);
        }
        var cleaned = string.Join('/', parts);
        return cleaned.Length == 0 ? "." : cleaned;
    }

    /// <summary>The pattern as an anchored regex, or null when Docker would reject it.</summary>
    private static PatternRegex? Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    i++;
                regex.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
            }
            else if (c == '*')
                regex.Append("[^/]*");
            else if (c == '?')
                regex.Append("[^/]");
            else if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                else
                    regex.Append(@"\\");
            }
            else if (c == '[')
            {
                if (!CharacterClass(pattern, ref i, regex))
                    return null;
            }
            else if (c == ']')
                return null;
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append(@"\z");
        try
        {
            return new PatternRegex(regex.ToString());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A '[...]' class ('^' negates, 'a-z' ranges, '\' escapes), passed to the regex as Docker does; false when it is not closed or empty.</summary>
    private static bool CharacterClass(string pattern, ref int i, StringBuilder regex)
    {
        var p = i + 1;
        var negated = p < pattern.Length && pattern[p] == '^';
        if (negated)
            p++;
        var members = new StringBuilder();
        var count = 0;
        while (p < pattern.Length && pattern[p] != ']')
        {
            var c = pattern[p];
            var escaped = c == '\\';
            if (escaped && ++p >= pattern.Length)
                return false;
            c = pattern[p];
            if (!escaped && c == '-' && count > 0 && p + 1 < pattern.Length && pattern[p + 1] != ']')
                members.Append('-');
            else
                members.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
            count++;
            p++;
        }
        if (p >= pattern.Length || count == 0)
            return false;
        regex.Append('[').Append(negated ? "^" : "").Append(members).Append(']');
        i = p;
        return true;
    }

    /// <summary>
    /// A pattern's regex. Built for the backtracking interpreter, which costs microseconds to build where the non-backtracking engine
    /// costs milliseconds per pattern (most of a one-file lint); a match that runs past <see cref="Budget"/> (nested '**' against a long
    /// path) is answered by the non-backtracking engine instead, so the time stays linear. Both engines give the same answers for these
    /// regexes (no backreferences or lookarounds); syntax errors are found by the same parser, when the pattern is read.
    /// </summary>
    private sealed class PatternRegex(string pattern)
    {
        private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(20);

        private readonly Regex _backtracking = new(pattern, RegexOptions.CultureInvariant, Budget);
        private Regex? _linear;

        public bool IsMatch(string path)
        {
            if (_linear is null)
            {
                try
                {
                    return _backtracking.IsMatch(path);
                }
                catch (RegexMatchTimeoutException)
                {
                    _linear = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
                }
            }
            return _linear.IsMatch(path);
        }
    }
}
