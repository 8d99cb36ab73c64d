using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Reads pip requirements files: PEP 508 lines, continuations, inline comments, per-requirement options
/// (<c>--hash</c>), editable and VCS lines, and <c>-r</c>/<c>-c</c> includes relative to the including file.
/// Files are parsed once and cached; <see cref="Closure"/> follows includes and reports cycles and missing files.
/// </summary>
internal sealed partial class RequirementsFileReader(string scanRoot)
{
    private readonly Dictionary<string, RequirementsFile> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Every file reachable from <paramref name="roots"/> through includes, each once, depth-first in include order.
    /// ConstraintsOnly is true for files reached only through <c>-c</c>: they pin versions but add no requirements.
    /// </summary>
    public IReadOnlyList<(RequirementsFile File, bool ConstraintsOnly)> Closure(IEnumerable<string> roots)
    {
        var order = new List<string>();
        var constraintsOnly = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var root in roots)
            Visit(root, false, [], order, constraintsOnly);
        return order.Select(p => (Read(p), constraintsOnly[p])).ToList();
    }

    public RequirementsFile Read(string path)
    {
        if (_cache.TryGetValue(path, out var cached))
            return cached;
        var file = Parse(path, ScanPath.ReadText(scanRoot, path));
        _cache[path] = file;
        return file;
    }

    private void Visit(string path, bool viaConstraint, List<string> stack, List<string> order, Dictionary<string, bool> constraintsOnly)
    {
        if (constraintsOnly.TryGetValue(path, out var onlyConstraints))
        {
            if (viaConstraint || !onlyConstraints)
                return;
            constraintsOnly[path] = false; // seen before through -c, now needed as requirements: walk again
        }
        else
        {
            order.Add(path);
            constraintsOnly[path] = viaConstraint;
        }

        var file = Read(path);
        stack.Add(path);
        foreach (var include in file.Includes)
        {
            if (stack.Contains(include.Path))
            {
                var cycle = string.Join(" -> ", stack.SkipWhile(p => p != include.Path).Append(include.Path));
                throw new InputException(path, include.Line, $"requirement files include each other in a cycle: {cycle}");
            }

            Visit(include.Path, viaConstraint || include.IsConstraint, stack, order, constraintsOnly);
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private RequirementsFile Parse(string path, string text)
    {
        var requirements = new List<PythonRequirement>();
        var includes = new List<RequirementsInclude>();
        var localPaths = new List<RequirementsLocalPath>();
        foreach (var (line, number) in LogicalLines(text))
        {
            var content = StripComment(line).Trim();
            if (content.Length == 0)
                continue;
            if (content.StartsWith('-'))
            {
                ParseOption(path, number, content, requirements, includes, localPaths);
                continue;
            }

            var requirement = ParseRequirementLine(path, number, CutOptions(content), localPaths);
            if (requirement is not null)
                requirements.Add(requirement);
        }

        return new RequirementsFile(path, requirements, includes) { LocalPaths = localPaths };
    }

    private void ParseOption(string path, int line, string content, List<PythonRequirement> requirements, List<RequirementsInclude> includes, List<RequirementsLocalPath> localPaths)
    {
        var (option, value) = SplitOption(content);
        switch (option)
        {
            case "-r" or "--requirement" or "-c" or "--constraint":
                if (value.Length == 0)
                    throw new InputException(path, line, $"{option} needs a file name");
                var target = ScanPath.TryJoin(ScanPath.DirectoryOf(path), value)
                    ?? throw new InputException(path, line, $"{option} {QuotedInput.Of(value)}: the file is outside the scanned folder");
                if (!ScanPath.FileExists(scanRoot, target))
                    throw new InputException(path, line, $"{option} {QuotedInput.Of(value)}: no such file ({QuotedInput.Of(target)})");
                includes.Add(new RequirementsInclude(target, option is "-c" or "--constraint", line));
                break;
            case "-e" or "--editable":
                if (value.Length == 0)
                    throw new InputException(path, line, $"{option} needs a path or URL");
                if (ParseRequirementLine(path, line, value, localPaths) is { } editable)
                    requirements.Add(editable);
                break;
            default:
                // Index and install options (--index-url, --extra-index-url, --find-links, --pre, --require-hashes, ...)
                // say nothing about what is needed.
                break;
        }
    }

    /// <summary>A requirement, a VCS/URL line with a recoverable name, or null for local paths (the project itself).</summary>
    private static PythonRequirement? ParseRequirementLine(string path, int line, string content, List<RequirementsLocalPath> localPaths)
    {
        if (IsLocalPath(content))
        {
            localPaths.Add(new RequirementsLocalPath(content, line));
            return null;
        }
        if (UrlOnly().IsMatch(content))
        {
            var name = EggName(content) ?? ArchiveName(content);
            if (name is null)
                throw new InputException(path, line, $"cannot tell the package name of '{QuotedInput.Of(content)}': add '#egg=<name>' or write 'name @ {QuotedInput.Of(content)}'");
            return new PythonRequirement(PythonPackageName.Normalize(name), name, null, [], null, path, line) { Url = content };
        }

        try
        {
            return Pep508Parser.Parse(content).At(path, line);
        }
        catch (FormatException e)
        {
            throw new InputException(path, line, $"'{QuotedInput.Of(content)}' is not a valid requirement: {QuotedInput.Of(e.Message)}");
        }
    }

    private static bool IsLocalPath(string content) =>
        content.StartsWith('.') || content.StartsWith('/') || content.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        || content.StartsWith('~') || content.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) && !content.Contains("://", StringComparison.Ordinal);

    private static string? EggName(string url)
    {
        var match = Egg().Match(url);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Name from a wheel or sdist file name at the end of a URL (<c>.../pkg_name-1.0-py3-none-any.whl</c>).</summary>
    private static string? ArchiveName(string url)
    {
        var file = url.Split('#')[0].Split('?')[0];
        file = file[(file.LastIndexOf('/') + 1)..];
        var match = Archive().Match(file);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static (string Option, string Value) SplitOption(string content)
    {
        var equals = content.IndexOf('=', StringComparison.Ordinal);
        var space = content.IndexOfAny([' ', '\t']);
        if (content.StartsWith("--", StringComparison.Ordinal))
        {
            if (equals > 0 && (space < 0 || equals < space))
                return (content[..equals], content[(equals + 1)..].Trim());
            return space < 0 ? (content, "") : (content[..space], content[space..].Trim());
        }

        // Short options: "-r file", "-rfile".
        if (content.Length > 2 && content[2] is not (' ' or '\t'))
            return (content[..2], content[2..].Trim());
        return (content[..Math.Min(2, content.Length)], content.Length > 2 ? content[2..].Trim() : "");
    }

    /// <summary>Drops per-requirement options (<c>--hash=...</c>) that follow the requirement, ignoring dashes inside quotes.</summary>
    private static string CutOptions(string content)
    {
        char quote = '\0';
        for (var i = 1; i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                continue;
            }

            if (c is '"' or '\'')
                quote = c;
            else if (c == '-' && char.IsWhiteSpace(content[i - 1]) && i + 1 < content.Length && (content[i + 1] == '-' || char.IsLetter(content[i + 1])))
                return content[..i].TrimEnd();
        }

        return content;
    }

    /// <summary>pip's comment rule: '#' at the start of the line or after whitespace starts a comment (URL fragments survive).</summary>
    private static string StripComment(string line)
    {
        var match = Comment().Match(line);
        return match.Success ? line[..match.Index] : line;
    }

    /// <summary>Physical lines joined at trailing backslashes, each with the 1-based number of its first line.</summary>
    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var buffer = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (buffer.Length == 0)
                start = i + 1;
            if (line.EndsWith('\\') && !Comment().IsMatch(line))
            {
                buffer.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }

            buffer.Append(line);
            yield return (buffer.ToString(), start);
            buffer.Clear();
        }

        if (buffer.Length > 0)
            yield return (buffer.ToString(), start);
    }

    [GeneratedRegex(@"(^|\s)#")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex UrlOnly();

    [GeneratedRegex(@"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex Egg();

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._]*?)-\d.*\.(?:whl|tar\.gz|zip|tar\.bz2)$")]
    private static partial Regex Archive();
}
