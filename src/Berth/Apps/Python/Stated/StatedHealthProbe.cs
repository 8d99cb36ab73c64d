using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// The HTTP path the repository's own health check probes: its Dockerfile's <c>HEALTHCHECK</c> (a URL in the command, or in the
/// Python script the command runs: <c>HEALTHCHECK CMD python $APP_HOME/app/scripts/healthcheck.py</c>) or a compose
/// <c>healthcheck: test:</c>. Used only when the code declares no health route: the repository has said which route answers.
/// </summary>
public sealed partial record StatedHealthProbe(string Path, Evidence Source)
{
    private const int MaxDepth = 3;

    public static StatedHealthProbe? Find(SourceTree tree, string servicePath)
    {
        var candidates = tree.Files
            .Where(f => (servicePath == "." ? f : RelativePath.Within(f, servicePath)) is { } relative && relative.Count(c => c == '/') < MaxDepth)
            .OrderBy(f => RelativePath.FileName(f).Contains("prod", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            var lower = RelativePath.FileName(file).ToLowerInvariant();
            if (lower.Contains("dev", StringComparison.Ordinal) || lower.Contains("test", StringComparison.Ordinal))
                continue;
            var probe = StatedStartReader.IsDockerfile(lower) ? FromDockerfile(tree, file)
                : StatedStartReader.IsCompose(lower) ? FromCompose(tree, file)
                : null;
            if (probe is not null)
                return probe;
        }
        return null;
    }

    private static StatedHealthProbe? FromDockerfile(SourceTree tree, string file)
    {
        foreach (var (text, line) in StatedStartReader.LogicalLines(tree.ReadManifest(file)))
        {
            if (!text.StartsWith("HEALTHCHECK ", StringComparison.OrdinalIgnoreCase))
                continue;
            var command = CommandPart().Match(text);
            if (!command.Success)
                continue; // HEALTHCHECK NONE
            if (ProbedPath(command.Groups["command"].Value) is { } path)
                return new StatedHealthProbe(path, new Evidence($"the repository's Dockerfile HEALTHCHECK probes {path}", file, line));
            if (ScriptPath(command.Groups["command"].Value) is { } script && Resolve(tree, script) is { } scriptFile)
            {
                var scriptLine = 0;
                foreach (var source in tree.ReadManifest(scriptFile).Split('\n'))
                {
                    scriptLine++;
                    if (!source.TrimStart().StartsWith('#') && ProbedPath(source) is { } scripted)
                        return new StatedHealthProbe(scripted, new Evidence($"the repository's Dockerfile HEALTHCHECK (line {line}) runs {scriptFile}, which requests {scripted}", scriptFile, scriptLine));
                }
            }
        }
        return null;
    }

    private static StatedHealthProbe? FromCompose(SourceTree tree, string file)
    {
        foreach (var (text, line) in StatedStartReader.LogicalLines(tree.ReadManifest(file)))
        {
            if (text.StartsWith("test:", StringComparison.Ordinal) && ProbedPath(text) is { } path)
                return new StatedHealthProbe(path, new Evidence($"the repository's compose healthcheck probes {path}", file, line));
        }
        return null;
    }

    /// <summary>The path of a local URL in <paramref name="text"/> (<c>http://localhost:8000/health</c>, <c>http://127.0.0.1:{port}/api/about</c>), never "/" alone.</summary>
    internal static string? ProbedPath(string text)
    {
        var match = LocalUrl().Match(text);
        if (!match.Success)
            return null;
        var path = match.Groups["path"].Value;
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
            path = path[..query];
        return path.Length > 1 && !path.Contains('{', StringComparison.Ordinal) && !path.Contains('$', StringComparison.Ordinal) ? path : null;
    }

    /// <summary>The <c>.py</c> file a health-check command runs, as its path segments without the variables that lead it (<c>$HOME/app/check.py</c> → app, check.py).</summary>
    private static List<string>? ScriptPath(string command)
    {
        var word = command.Replace("\"", " ", StringComparison.Ordinal).Replace("'", " ", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal)
            .Split([' ', '\t', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.EndsWith(".py", StringComparison.Ordinal));
        if (word is null)
            return null;
        var parts = word.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(p => p.StartsWith('$') || p == ".").ToList();
        return parts.Count == 0 ? null : parts;
    }

    /// <summary>
    /// The repository file the script path names inside the image: the longest tail of its segments that a repository path ends with
    /// (<c>/app/scripts/check.py</c> → <c>scripts/check.py</c> when the repository is copied to /app), the shortest such path.
    /// </summary>
    private static string? Resolve(SourceTree tree, List<string> segments)
    {
        for (var skip = 0; skip < segments.Count; skip++)
        {
            var tail = string.Join('/', segments.Skip(skip));
            var file = tree.Files.Where(f => f == tail || f.EndsWith("/" + tail, StringComparison.Ordinal))
                .OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();
            if (file is not null)
                return file;
        }
        return null;
    }

    [GeneratedRegex(@"\bCMD\s+(?<command>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommandPart();

    [GeneratedRegex(@"https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(?:\d+|\$\{?\w+(?::-\d+)?\}?|\{[^}/]*\}))?(?<path>/[^\s""'\\)\]]*)")]
    private static partial Regex LocalUrl();
}
