using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Chooses the Python minor to build with. Each source is looked up from the service folder upward to the scan root,
/// in this order: <c>.python-version</c>, <c>runtime.txt</c>, <c>.tool-versions</c>, Pipfile <c>[requires]</c>,
/// pyproject <c>requires-python</c> or poetry's <c>python</c> constraint (newest supported minor that satisfies it), else 3.11.
/// </summary>
public static partial class PythonVersionResolver
{
    /// <summary>Minors that both a <c>python:X.Y-slim</c> builder and the runtime images can serve, oldest first.</summary>
    public static readonly IReadOnlyList<string> SupportedMinors = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

    public const string DefaultMinor = "3.11";

    public static PythonVersionChoice Resolve(string scanRoot, string serviceDirectory, PythonManifests? manifests)
    {
        var service = ScanPath.Service(serviceDirectory);
        var directories = ScanPath.SelfAndAncestors(service).ToList();

        return FirstFile(scanRoot, directories, ".python-version", PythonVersionFile)
            ?? FirstFile(scanRoot, directories, "runtime.txt", RuntimeTxt)
            ?? FirstFile(scanRoot, directories, ".tool-versions", ToolVersions)
            ?? FirstFile(scanRoot, directories, "Pipfile", PipfileRequires)
            ?? FromPyprojects(scanRoot, directories, manifests)
            ?? new PythonVersionChoice(DefaultMinor, "default", null, 0);
    }

    private static PythonVersionChoice? FirstFile(string scanRoot, List<string> directories, string name, Func<string, string, PythonVersionChoice?> read)
    {
        foreach (var directory in directories)
        {
            var path = ScanPath.Join(directory, name);
            if (ScanPath.FileExists(scanRoot, path) && read(path, ScanPath.ReadText(scanRoot, path)) is { } choice)
                return choice;
        }

        return null;
    }

    /// <summary><c>3.11.4</c>, <c>3.11</c>, <c>cpython-3.11</c>; the first line that is not blank or a comment (pyenv allows several).</summary>
    private static PythonVersionChoice? PythonVersionFile(string path, string text)
    {
        foreach (var (line, number) in Lines(text))
        {
            var match = PinnedVersion().Match(line);
            if (!match.Success)
                throw new InputException(path, number, $"'{QuotedInput.Of(line)}' is not a Python version (expected e.g. 3.12 or 3.12.4)");
            return new PythonVersionChoice(Minor(match), ".python-version", path, number);
        }

        return null;
    }

    /// <summary>Heroku style <c>python-3.11.4</c>.</summary>
    private static PythonVersionChoice? RuntimeTxt(string path, string text)
    {
        foreach (var (line, number) in Lines(text))
        {
            var match = RuntimeVersion().Match(line);
            if (!match.Success)
                throw new InputException(path, number, $"'{QuotedInput.Of(line)}' is not a runtime (expected e.g. python-3.12.4)");
            return new PythonVersionChoice(Minor(match), "runtime.txt", path, number);
        }

        return null;
    }

    /// <summary>asdf/mise <c>python 3.11.4 3.10.2</c>: the first version listed wins.</summary>
    private static PythonVersionChoice? ToolVersions(string path, string text)
    {
        foreach (var (line, number) in Lines(text))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words[0] != "python")
                continue;
            var match = words.Length > 1 ? PinnedVersion().Match(words[1]) : Match.Empty;
            if (!match.Success)
                throw new InputException(path, number, $"'{QuotedInput.Of(line)}' does not name a Python version (expected e.g. 'python 3.12.4')");
            return new PythonVersionChoice(Minor(match), ".tool-versions", path, number);
        }

        return null;
    }

    private static PythonVersionChoice? PipfileRequires(string path, string text)
    {
        var pipfile = PipfileReader.Read(TomlDocument.Parse(path, text));
        if (pipfile.PythonVersion is not { } version)
            return null;
        var match = PinnedVersion().Match(version.Trim());
        if (!match.Success)
            throw new InputException(path, pipfile.PythonVersionLine, $"'{QuotedInput.Of(version)}' is not a Python version (expected e.g. \"3.12\")");
        return new PythonVersionChoice(Minor(match), "Pipfile", path, pipfile.PythonVersionLine);
    }

    private static PythonVersionChoice? FromPyprojects(string scanRoot, List<string> directories, PythonManifests? manifests)
    {
        var candidates = new List<string>();
        if (manifests?.ManifestFile is { } manifest && ScanPath.FileName(manifest) == "pyproject.toml")
            candidates.Add(manifest);
        candidates.AddRange(directories.Select(d => ScanPath.Join(d, "pyproject.toml")));
        foreach (var path in candidates.Distinct(StringComparer.Ordinal))
        {
            if (!ScanPath.FileExists(scanRoot, path))
                continue;
            var pyproject = PyprojectReader.Read(scanRoot, path);
            if (pyproject.RequiresPython is { } requires)
                return Newest(WithWorkspaceBound(scanRoot, requires, path, manifests), "requires-python", path, pyproject.RequiresPythonLine);
            if (pyproject.PoetryPython is { } poetry)
                return Newest(poetry, "poetry python", path, pyproject.PoetryPythonLine);
        }

        return null;
    }

    /// <summary>
    /// uv locks a workspace for the intersection of its members' requires-python: a member allowing ">=3.10" in a workspace
    /// whose root says "<3.13" gets at most 3.12.
    /// </summary>
    private static string WithWorkspaceBound(string scanRoot, string constraint, string memberPath, PythonManifests? manifests)
    {
        if (manifests?.WorkspaceRoot is not { } workspace)
            return constraint;
        var rootPyproject = ScanPath.Join(workspace, "pyproject.toml");
        if (rootPyproject == memberPath || !ScanPath.FileExists(scanRoot, rootPyproject))
            return constraint;
        return PyprojectReader.Read(scanRoot, rootPyproject).RequiresPython is { } bound ? constraint + ", " + bound : constraint;
    }

    internal static bool Allows(Pep440Specifier specifier, string minor)
    {
        var parts = minor.Split('.');
        return specifier.AllowsMinor(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The default minor when the constraint allows it, else the newest supported minor that it allows.</summary>
    internal static PythonVersionChoice Newest(string constraint, string source, string path, int line)
    {
        Pep440Specifier specifier;
        try
        {
            specifier = Pep440Specifier.Parse(constraint);
        }
        catch (FormatException e)
        {
            throw new InputException(path, line, $"{source} '{QuotedInput.Of(constraint)}' is not a version constraint: {QuotedInput.Of(e.Message)}");
        }

        // The default minor when the range allows it: it is what distroless python3-debian12 ships, so slim and distroless
        // images agree, and a range's lower bound is what a project is tested on more often than its open upper end.
        if (Allows(specifier, DefaultMinor))
            return new PythonVersionChoice(DefaultMinor, source, path, line);
        foreach (var minor in SupportedMinors.Reverse())
        {
            if (Allows(specifier, minor))
                return new PythonVersionChoice(minor, source, path, line);
        }

        throw new InputException(path, line, $"{source} '{QuotedInput.Of(constraint)}' allows none of the supported Python versions ({string.Join(", ", SupportedMinors)})");
    }

    private static string Minor(Match match) => $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}";

    private static IEnumerable<(string Line, int Number)> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
                line = line[..hash];
            line = line.Trim();
            if (line.Length > 0)
                yield return (line, i + 1);
        }
    }

    [GeneratedRegex(@"^(?:c?python-?)?(?<major>\d+)\.(?<minor>\d+)(?:\.\d+)?(?:(?:a|b|rc|dev)\d*)?t?$", RegexOptions.IgnoreCase)]
    private static partial Regex PinnedVersion();

    [GeneratedRegex(@"^python-(?<major>\d+)\.(?<minor>\d+)(?:\.\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RuntimeVersion();
}
