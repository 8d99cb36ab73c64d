using Berth.Apps;
using Berth.Apps.Python;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>
/// <c>berth lint</c> as a library call: finds Dockerfiles under the given paths, works out each one's app (--app, or a service
/// whose folder holds the Dockerfile) and build context, and lints them.
/// </summary>
public static class LintRun
{
    private static readonly string[] AppManifests = ["pyproject.toml", "requirements.txt", "Pipfile", "manage.py", "Procfile"];

    public static IReadOnlyList<Finding> Execute(IReadOnlyList<string> paths, string? appPath, LintConfiguration? configuration = null)
    {
        var dockerfiles = FindDockerfiles(paths);
        var forcedApp = appPath is null ? null : SingleService(appPath, required: true);
        var apps = new Dictionary<string, ServiceProfile?>(StringComparer.Ordinal);

        // Reading and app discovery first (I/O, input errors in file order), then the rules, in parallel: they only compute.
        var inputs = dockerfiles.Select(file =>
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (forcedApp is null && !apps.ContainsKey(folder))
                apps[folder] = AppManifests.Any(m => File.Exists(Path.Combine(folder, m))) ? SingleService(folder, required: false) : null;
            var ignore = File.Exists(file + ".dockerignore") ? file + ".dockerignore" : Path.Combine(folder, ".dockerignore");
            return (File: file, Folder: folder, Text: Read(file), App: forcedApp ?? apps[folder], Ignore: File.Exists(ignore) ? Read(ignore) : null);
        }).ToList();

        var results = new IReadOnlyList<Finding>[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            var input = inputs[i];
            results[i] = DockerfileLinter.Lint(input.File, input.Text, input.App, f => File.Exists(Path.Combine(input.Folder, f)), input.Ignore, configuration);
        });
        return [.. results.SelectMany(r => r)];
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, 0, $"cannot read file: {e.Message}");
        }
    }

    /// <summary>The Dockerfiles under the given files and folders, in a stable order; none is an input error.</summary>
    public static IReadOnlyList<string> FindDockerfiles(IReadOnlyList<string> paths)
    {
        var dockerfiles = paths.SelectMany(Discover).Distinct(StringComparer.Ordinal).ToList();
        if (dockerfiles.Count == 0)
            throw new InputException(string.Join(", ", paths), 0, "no Dockerfile found (looked for Dockerfile, *.Dockerfile, Dockerfile.*)");
        return dockerfiles;
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
