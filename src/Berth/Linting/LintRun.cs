using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
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

        // Each folder once (many Dockerfiles can share one): its app, when it has a manifest, and its .dockerignore.
        var folders = new Dictionary<string, BuildFolder>(StringComparer.Ordinal);
        var inputs = dockerfiles.Select(file =>
        {
            var path = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!folders.TryGetValue(path, out var folder))
            {
                var app = forcedApp ?? (AppManifests.Any(m => File.Exists(Path.Combine(path, m))) ? SingleService(path, required: false) : null);
                folders[path] = folder = new BuildFolder(path, app);
            }
            return (File: file, Folder: folder);
        }).ToList();

        // Reading and the rules in parallel; an unreadable file is still the error of the first one in file order.
        var results = new IReadOnlyList<Finding>[inputs.Count];
        var errors = new InputException?[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            var (file, folder) = inputs[i];
            try
            {
                var text = Read(file);
                var ignore = File.Exists(file + ".dockerignore") ? Read(file + ".dockerignore") : folder.Dockerignore();
                results[i] = DockerfileLinter.Lint(file, text, folder.App, folder.FileExists, ignore, configuration);
            }
            catch (InputException e)
            {
                errors[i] = e;
                results[i] = [];
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
            throw error;
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>A folder holding Dockerfiles: the build context they are linted against, its files looked up once.</summary>
    private sealed class BuildFolder(string path, ServiceProfile? app)
    {
        private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);
        private readonly Lazy<string?> _dockerignore = new(() =>
        {
            var ignore = Path.Combine(path, ".dockerignore");
            return File.Exists(ignore) ? Read(ignore) : null;
        });

        public ServiceProfile? App { get; } = app;

        public bool FileExists(string relative) => _exists.GetOrAdd(relative, f => File.Exists(Path.Combine(path, f)));

        public string? Dockerignore() => _dockerignore.Value;
    }

    private static string Read(string file)
    {
        try
        {
            // File.ReadAllText goes through a FileStream and a StreamReader with their buffers; for a file without a byte order mark
            // it gives exactly the UTF-8 decoding of the bytes, at a fraction of the cost. Files with a BOM keep its handling.
            // The bytes go through a pooled buffer: only the text is allocated.
            using var handle = File.OpenHandle(file);
            var length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
                return File.ReadAllText(file);
            var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
            try
            {
                var read = 0;
                while (true)
                {
                    var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                    if (n == 0)
                        break;
                    read += n;
                    if (read == buffer.Length)
                        return File.ReadAllText(file); // grew while being read: let the framework read it
                }
                return read >= 2 && (buffer[0] is 0xEF or 0xFE or 0xFF or 0x00) ? File.ReadAllText(file) : Encoding.UTF8.GetString(buffer, 0, read);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
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
