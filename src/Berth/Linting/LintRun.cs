using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Berth.Apps;
using Berth.Apps.Python;
using Berth.Kubernetes;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>
/// <c>berth lint</c> as a library call: finds Dockerfiles under the given paths, works out each one's app (--app, or a service
/// whose folder holds the Dockerfile) and build context, and lints them.
/// </summary>
public static class LintRun
{
    internal static readonly string[] AppManifests = ["pyproject.toml", "requirements.txt", "Pipfile", "manage.py", "Procfile"];

    public static IReadOnlyList<Finding> Execute(IReadOnlyList<string> paths, string? appPath, LintConfiguration? configuration = null) =>
        Execute(paths, appPath, configuration, RendererTools.None, HelmValues.None);

    /// <summary>
    /// Lints the Dockerfiles and the Kubernetes inputs (manifest files, Kustomize folders, Helm charts) under the paths;
    /// <paramref name="tools"/> are the renderers to use (kubectl, helm), <paramref name="helmValues"/> what to render charts with.
    /// </summary>
    public static IReadOnlyList<Finding> Execute(IReadOnlyList<string> paths, string? appPath, LintConfiguration? configuration, RendererTools tools, HelmValues helmValues)
    {
        var dockerfiles = FindDockerfiles(paths, required: false);
        var kubernetes = ManifestDiscovery.Find(paths, f => Read(f));
        if (dockerfiles.Count == 0 && kubernetes.IsEmpty)
            throw new InputException(string.Join(", ", paths), 0, "no Dockerfile found (looked for Dockerfile, *.Dockerfile, Dockerfile.*), and no Kubernetes manifest, Kustomize folder or Helm chart");
        var forcedApp = appPath is null ? null : SingleService(appPath, required: true);
        var dockerfileFindings = LintDockerfiles(dockerfiles, forcedApp, configuration);
        return kubernetes.IsEmpty ? dockerfileFindings : [.. dockerfileFindings, .. KubernetesLintRun.Execute(kubernetes, paths, forcedApp, configuration, tools, helmValues)];
    }

    private static IReadOnlyList<Finding> LintDockerfiles(IReadOnlyList<string> dockerfiles, ServiceProfile? forcedApp, LintConfiguration? configuration)
    {

        // Each folder once (many Dockerfiles can share one): its app, when it has a manifest, and its .dockerignore. Relative paths
        // are made full against the current folder read once (Path.GetFullPath and File.Exists would ask the system for it each time).
        var here = Directory.GetCurrentDirectory();
        var folders = new Dictionary<string, BuildFolder>(StringComparer.Ordinal);
        var inputs = dockerfiles.Select(file =>
        {
            var full = Path.GetFullPath(file, here);
            var path = Path.GetDirectoryName(full)!;
            if (!folders.TryGetValue(path, out var folder))
            {
                var names = FolderNames.Read(path);
                var app = forcedApp ?? (AppManifests.Any(m => names.MayHold(m) && File.Exists(Path.Combine(path, m))) ? SingleService(path, required: false) : null);
                folders[path] = folder = new BuildFolder(path, app, names);
            }
            return (File: file, Full: full, Folder: folder);
        }).ToList();

        // Reading and the rules in parallel; an unreadable file is still the error of the first one in file order.
        var results = new IReadOnlyList<Finding>[inputs.Count];
        var errors = new InputException?[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            var (file, full, folder) = inputs[i];
            try
            {
                var text = Read(full, file);
                var ignore = folder.Names.MayHold(Path.GetFileName(full) + ".dockerignore") && File.Exists(full + ".dockerignore")
                    ? Read(full + ".dockerignore", file + ".dockerignore")
                    : folder.Dockerignore();
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
    private sealed class BuildFolder(string path, ServiceProfile? app, FolderNames names)
    {
        private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);
        private readonly Lazy<string?> _dockerignore = new(() =>
        {
            var ignore = Path.Combine(path, ".dockerignore");
            return names.MayHold(".dockerignore") && File.Exists(ignore) ? Read(ignore) : null;
        });

        public ServiceProfile? App { get; } = app;

        public FolderNames Names { get; } = names;

        /// <summary>Whether the build context holds <paramref name="relative"/>: a plain name the folder listing lacks needs no system call.</summary>
        public bool FileExists(string relative) =>
            (relative.IndexOfAny(['/', '\\']) >= 0 || Names.MayHold(relative)) && _exists.GetOrAdd(relative, f => File.Exists(Path.Combine(path, f)));

        public string? Dockerignore() => _dockerignore.Value;
    }

    /// <summary>
    /// The names in a folder, listed once: a name that is not there (compared ignoring case, for case-insensitive file systems)
    /// needs no File.Exists; one that is still gets it, so the answer is File.Exists's. Unlisted folder: every name may be there.
    /// </summary>
    private sealed class FolderNames
    {
        private const int MaxListed = 4096;
        private readonly HashSet<string>? _names;

        private FolderNames(HashSet<string>? names) => _names = names;

        public static FolderNames Read(string folder)
        {
            try
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
                {
                    if (names.Count == MaxListed)
                        return new FolderNames(null); // a huge folder: a few File.Exists cost less than listing it
                    names.Add(Path.GetFileName(entry));
                }
                return new FolderNames(names);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new FolderNames(null);
            }
        }

        public bool MayHold(string name) => _names is null || _names.Contains(name);
    }

    internal static string Read(string file) => Read(file, file);

    /// <summary>Reads <paramref name="path"/>; errors name <paramref name="file"/> (the path as given).</summary>
    private static string Read(string path, string file)
    {
        try
        {
            // File.ReadAllText goes through a FileStream and a StreamReader with their buffers; for a file without a byte order mark
            // it gives exactly the UTF-8 decoding of the bytes, at a fraction of the cost. Files with a BOM keep its handling.
            // The bytes go through a pooled buffer: only the text is allocated.
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
                return File.ReadAllText(path);
            var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
            try
            {
                // Until the length the file had when opened (no read to find the end), or to the end for a file that reports none.
                var read = 0;
                while (length == 0 || read < length)
                {
                    var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                    if (n == 0)
                        break;
                    read += n;
                    if (read == buffer.Length)
                        return File.ReadAllText(path); // grew while being read: let the framework read it
                }
                return read >= 2 && (buffer[0] is 0xEF or 0xFE or 0xFF or 0x00) ? File.ReadAllText(path) : Encoding.UTF8.GetString(buffer, 0, read);
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
    public static IReadOnlyList<string> FindDockerfiles(IReadOnlyList<string> paths) => FindDockerfiles(paths, required: true);

    /// <summary>The Dockerfiles under the given files and folders, in a stable order; none is an input error when <paramref name="required"/>.</summary>
    public static IReadOnlyList<string> FindDockerfiles(IReadOnlyList<string> paths, bool required)
    {
        var here = Directory.GetCurrentDirectory();
        // Which paths are files: one system call each, so for many paths (a shell glob) asked on every core.
        var isFile = new bool[paths.Count];
        if (paths.Count >= 64)
        {
            Parallel.For(0, paths.Count, i => isFile[i] = FileExists(paths[i], here));
        }
        else
        {
            for (var i = 0; i < paths.Count; i++)
                isFile[i] = FileExists(paths[i], here);
        }
        var dockerfiles = paths.SelectMany((path, i) => Discover(path, isFile[i])).Distinct(StringComparer.Ordinal).ToList();
        if (dockerfiles.Count == 0 && required)
            throw new InputException(string.Join(", ", paths), 0, "no Dockerfile found (looked for Dockerfile, *.Dockerfile, Dockerfile.*)");
        return dockerfiles;
    }

    private static IEnumerable<string> Discover(string path, bool isFile)
    {
        if (isFile)
            return path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal) || Path.GetFileName(path) == "Kustomization" ? [] : [path];
        if (!Directory.Exists(path))
            throw new InputException(path, 0, "no such file or folder");
        return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "node_modules" or ".git" or "bin" or "obj" or ".venv"))
            .Where(IsDockerfile)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>File.Exists(path) for a path relative to <paramref name="here"/>, the current folder, without asking the system for it again.</summary>
    private static bool FileExists(string path, string here)
    {
        try
        {
            return File.Exists(Path.GetFullPath(path, here));
        }
        catch (ArgumentException)
        {
            return false; // as File.Exists does for a path it cannot use
        }
    }

    internal static bool IsDockerfile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".dockerignore", StringComparison.Ordinal))
            return false;
        return name == "Dockerfile" || name.EndsWith(".Dockerfile", StringComparison.Ordinal) || name.StartsWith("Dockerfile.", StringComparison.Ordinal);
    }

    internal static ServiceProfile? SingleService(string folder, bool required)
    {
        try
        {
            var services = RepositoryScanner.Scan(folder).Services;
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
