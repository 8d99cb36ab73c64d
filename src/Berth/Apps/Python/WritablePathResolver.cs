using System.Text.RegularExpressions;
using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// Turns the writes each module records (<see cref="WritePath"/>) into paths relative to the service folder (the image's working
/// folder): a path built on <c>__file__</c> is placed from the module's own folder; one built on a constant imported from another
/// module (<c>from core.path_conf import LOG_DIR</c>) or on a Flask config key (<c>app.config["MEDIA_FOLDER"]</c>, set by a config
/// class attribute) takes that constant's value, followed through the modules that define it; one built on an environment variable
/// read without a default is the working folder when the repository's own Dockerfile sets its WORKDIR to the value its env files,
/// compose or Dockerfile give that variable, and is otherwise a note (Berth cannot tell where it points).
/// </summary>
internal sealed partial class WritablePathResolver(IReadOnlyList<PythonModuleFacts> serviceModules, PythonModuleIndex index, string servicePath, IReadOnlySet<string> workingFolderVariables)
{
    private const int MaxDepth = 6;

    public (List<WritablePath> Paths, List<string> Notes) Resolve()
    {
        var paths = new List<WritablePath>();
        var notes = new List<string>();
        foreach (var module in serviceModules.Where(m => !IsTool(m)))
        {
            foreach (var write in module.Writes)
            {
                var source = $"{module.File}:{write.Line}";
                switch (Place(new PathValue(write.Base, write.Path), module, 0))
                {
                    case { Path: { } path } when HoldsSource(path):
                        notes.Add($"the app writes into {path}, a folder of its own source code ({write.Reason}, {source}): no writable mount is made there (it would hide the code); the image keeps it read-only");
                        break;
                    case { Path: { } path }:
                        paths.Add(new WritablePath(path, write.Reason, source));
                        break;
                    case { Variable: { } variable, Tail: var tail }:
                        notes.Add($"the app writes under ${variable}{(tail.Length > 0 ? "/" + tail : "")} ({write.Reason}, {source}): Berth cannot tell where {variable} points, so no writable mount is made for it; mount that folder writable (owned by the runtime user)");
                        break;
                }
            }
        }
        return (paths, notes);
    }

    /// <summary>
    /// A module run by hand rather than by the server: scripts, management commands, migrations, a CLI, setup and task files,
    /// and a module with a <c>__main__</c> guard that builds no app. What those write is not written by the running service.
    /// </summary>
    private bool IsTool(PythonModuleFacts module)
    {
        var relative = PythonServiceDetector.Relative(module.File, servicePath);
        var parts = relative.Split('/');
        return parts[..^1].Any(ToolFolders.Contains)
            || ToolFiles.Contains(parts[^1])
            || (module.HasMainGuard && module.Apps.Count == 0 && module.Factories.Count == 0);
    }

    private static readonly HashSet<string> ToolFolders = new(StringComparer.Ordinal) { "scripts", "script", "tools", "bin", "management", "migrations", "alembic", "docs" };

    private static readonly HashSet<string> ToolFiles = new(StringComparer.Ordinal) { "cli.py", "manage.py", "setup.py", "conftest.py", "fabfile.py", "noxfile.py", "tasks.py" };

    /// <summary>Whether the service-relative folder is the service folder or holds one of its modules.</summary>
    private bool HoldsSource(string path) =>
        path is "" or "." || (!path.StartsWith('/') && serviceModules.Any(m => PythonServiceDetector.IsAtOrBelow(m.File, PythonServiceDetector.JoinPath(servicePath, path))));

    /// <summary>A place: a path relative to the service folder, or an environment variable's folder with the tail under it.</summary>
    private sealed record Placed(string? Path, string? Variable = null, string Tail = "");

    private Placed? Place(PathValue value, PythonModuleFacts module, int depth)
    {
        if (depth > MaxDepth)
            return null;
        var tail = value.Tail;
        switch (value.Base.Kind)
        {
            case PathBaseKind.WorkingFolder:
                return new Placed(tail.StartsWith("./", StringComparison.Ordinal) ? tail[2..] : tail);
            case PathBaseKind.ModuleFolder:
                var folder = value.Base.Up < 0 ? module.File : PythonServiceDetector.ParentOf(module.File);
                for (var up = 0; up < value.Base.Up; up++)
                {
                    if (folder == ".")
                        return null;
                    folder = PythonServiceDetector.ParentOf(folder);
                }
                var full = tail.Length == 0 ? folder : PythonServiceDetector.JoinPath(folder, tail);
                return PythonServiceDetector.IsAtOrBelow(full, servicePath) && full != servicePath ? new Placed(PythonServiceDetector.Relative(full, servicePath)) : null;
            case PathBaseKind.Environment:
                return workingFolderVariables.Contains(value.Base.Name!) ? (tail.Length > 0 ? new Placed(tail) : null) : new Placed(null, value.Base.Name, tail);
            case PathBaseKind.Imported:
                return Constant(value.Base.Name!, module, depth) is ({ } constant, { } owner) ? Place(Continue(constant, tail), owner, depth + 1) : null;
            case PathBaseKind.Setting:
                foreach (var candidate in serviceModules)
                {
                    if (candidate.PathConstants.LastOrDefault(c => c.Name == value.Base.Name) is { } setting)
                        return Place(Continue(setting.Value, tail), candidate, depth + 1);
                }
                return null;
            default:
                return null;
        }
    }

    private static PathValue Continue(PathValue constant, string tail) => tail.Length == 0 ? constant : constant.Join(tail);

    /// <summary>The module-level path constant a qualified name (<c>backend.core.path_conf.LOG_DIR</c>, <c>.path_conf.LOG_DIR</c>) names, followed through re-exports.</summary>
    private (PathValue?, PythonModuleFacts?) Constant(string qualified, PythonModuleFacts from, int depth)
    {
        var dot = qualified.LastIndexOf('.');
        if (dot <= 0 || depth > MaxDepth)
            return (null, null);
        var name = qualified[(dot + 1)..];
        foreach (var target in index.Named(from, qualified[..dot]))
        {
            if (target.File == from.File)
                continue;
            if (target.PathConstants.LastOrDefault(c => c.Name == name && c.Class is null) is { } constant)
                return (constant.Value, target);
            foreach (var import in target.Imports)
            {
                foreach (var imported in import.Names.Where(n => (n.Alias ?? n.Name) == name))
                {
                    var next = import.Module.EndsWith('.') ? import.Module + imported.Name : import.Module + "." + imported.Name;
                    if (Constant(next, target, depth + 1) is ({ } found, { } owner))
                        return (found, owner);
                }
            }
        }
        return (null, null);
    }

    /// <summary>
    /// Variables the repository sets to its image's working folder: <c>APP_FOLDER=/usr/src/app</c> in an env sample, compose file or
    /// Dockerfile <c>ENV</c>, where one of its Dockerfiles has <c>WORKDIR /usr/src/app</c>. Only folder-looking values are compared.
    /// </summary>
    public static IReadOnlySet<string> WorkingFolderVariables(SourceTree tree, string servicePath)
    {
        var workdirs = new HashSet<string>(StringComparer.Ordinal);
        var assignments = new List<(string Name, string Value)>();
        foreach (var file in tree.Files)
        {
            var folder = PythonServiceDetector.ParentOf(file);
            if (folder != "." && !PythonServiceDetector.IsAtOrBelow(servicePath, folder) && !PythonServiceDetector.IsAtOrBelow(folder, servicePath))
                continue;
            var name = PythonServiceDetector.FileName(file).ToLowerInvariant();
            var dockerfile = name.StartsWith("dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal);
            // env samples only: a real .env holds the operator's values (and secrets), which Berth never reads for this
            var sample = name.StartsWith(".env.", StringComparison.Ordinal) && (name.Contains("sample", StringComparison.Ordinal) || name.Contains("example", StringComparison.Ordinal));
            var compose = name.Contains("compose", StringComparison.Ordinal) && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal));
            if ((!dockerfile && !sample && !compose) || tree.ReadSource(file) is not { } text)
                continue;
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                if (Assignment().Match(line) is { Success: true } set)
                {
                    env[set.Groups["name"].Value] = set.Groups["value"].Value.TrimEnd('/');
                    assignments.Add((set.Groups["name"].Value, set.Groups["value"].Value.TrimEnd('/')));
                }
                if (dockerfile && Workdir().Match(line) is { Success: true } workdir)
                    workdirs.Add(Expand(workdir.Groups["path"].Value, env).TrimEnd('/'));
            }
        }
        return assignments.Where(a => a.Value.StartsWith('/') && workdirs.Contains(a.Value)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static string Expand(string path, Dictionary<string, string> env) =>
        Reference().Replace(path, m => env.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);

    // APP_FOLDER=/x | - APP_FOLDER=/x | ENV APP_FOLDER=/x | ENV APP_FOLDER /x | APP_FOLDER: /x
    [GeneratedRegex(@"^\s*(?:-\s*|ENV\s+|export\s+)?(?<name>[A-Z][A-Z0-9_]*)(?:\s*[=:]\s*|\s+)[""']?(?<value>/[^\s""']*)[""']?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*WORKDIR\s+(?<path>\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Workdir();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex Reference();
}
