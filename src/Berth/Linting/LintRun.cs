using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Linting;

/// <summary>
/// <c>berth lint</c> as a library call: finds Dockerfiles under the given paths, works out each one's app (--app, or a service
/// whose folder holds the Dockerfile) and build context, and lints them.
/// </summary>
public static class LintRun
{
    public static IReadOnlyList<Finding> Execute(IReadOnlyList<string> paths, string? appPath)
    {
        var dockerfiles = paths.SelectMany(Discover).Distinct(StringComparer.Ordinal).ToList();
        if (dockerfiles.Count == 0)
            throw new InputException(string.Join(", ", paths), 0, "no Dockerfile found (looked for Dockerfile, *.Dockerfile, Dockerfile.*)");
        var forcedApp = appPath is null ? null : SingleService(appPath, required: true);
        var findings = new List<Finding>();
        foreach (var file in dockerfiles)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var app = forcedApp ?? SingleService(folder, required: false);
            var ignore = File.Exists(file + ".dockerignore") ? file + ".dockerignore" : Path.Combine(folder, ".dockerignore");
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(file, 0, $"cannot read file: {e.Message}");
            }
            findings.AddRange(DockerfileLinter.Lint(file, text, app, f => File.Exists(Path.Combine(folder, f)), File.Exists(ignore) ? File.ReadAllText(ignore) : null));
        }
        return findings;
    }

    private static IEnumerable<string> Discover(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new InputException(path, 0, "no such file or folder");
        return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "node_modules" or ".git" or "bin" or "obj" or ".venv"))
            .Where(IsDockerfile)
            .Order(StringComparer.Ordinal);
    }

    internal static bool IsDockerfile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".dockerignore", StringComparison.Ordinal))
            return false;
        return name == "Dockerfile" || name.EndsWith(".Dockerfile", StringComparison.Ordinal) || name.StartsWith("Dockerfile.", StringComparison.Ordinal);
    }

    private static ServiceProfile? SingleService(string folder, bool required)
    {
        try
        {
            var services = PythonServiceDetector.Scan(folder).Services;
            var atRoot = services.Where(s => s.Path == ".").ToList();
            if (atRoot.Count == 1)
                return atRoot[0];
            if (required && services.Count == 1)
                return services[0];
            if (required)
                throw new InputException(folder, 0, $"--app must name one service; found {services.Count}: {string.Join(", ", services.Select(s => s.Path))}");
            return null;
        }
        catch (InputException) when (!required)
        {
            return null; // not an app folder: lint without app knowledge
        }
    }
}
