namespace Berth.Apps.Python.Source;

/// <summary>
/// Paths the code writes: folders it creates (<c>os.mkdir</c>, <c>os.makedirs</c>, <c>Path.mkdir()</c>), files it opens for
/// writing or saves (<c>open(p, "w")</c>, <c>.write_text</c>, <c>file.save(...)</c>), log files (logging file handlers,
/// <c>basicConfig(filename=...)</c>, loguru's <c>logger.add(path)</c>), SQLite databases (<c>sqlite:///</c> URLs,
/// <c>sqlite3.connect</c>) and upload folders (<c>MEDIA_ROOT</c>, <c>UPLOAD_FOLDER</c>). Paths are read by <see cref="PathEvaluator"/>
/// against the names bound earlier in the file; a path built on another module's constant or a config key keeps that base for
/// the detector to resolve (<see cref="PathConstants"/> are what this file offers others). <c>/tmp</c> is writable in every
/// generated container already. A folder only read (templates, static files served, migrations) is not a write.
/// </summary>
internal sealed partial class WritablePathCollector
{
    private static readonly HashSet<string> FolderMakers = new(StringComparer.Ordinal) { "os.mkdir", "os.makedirs" };

    private static readonly HashSet<string> FileHandlers = new(StringComparer.Ordinal)
    {
        "logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.handlers.TimedRotatingFileHandler", "logging.handlers.WatchedFileHandler",
    };

    private static readonly HashSet<string> FileOpeners = new(StringComparer.Ordinal) { "open", "io.open", "aiofiles.open", "anyio.open_file", "codecs.open" };

    private static readonly HashSet<string> UploadSettings = new(StringComparer.Ordinal) { "MEDIA_ROOT", "UPLOAD_FOLDER", "UPLOAD_DIR", "UPLOADS_DIR", "UPLOAD_ROOT" };

    private static readonly string[] SqliteSuffixes = [".sqlite3", ".sqlite", ".db"];

    private readonly PythonNameLookup _names;
    private readonly PathEvaluator _paths;
    private readonly Dictionary<string, PathValue> _bound = new(StringComparer.Ordinal);
    private readonly List<PathConstant> _constants = [];
    private readonly List<WritePath> _writes = [];

    public WritablePathCollector(PythonNameLookup names)
    {
        _names = names;
        _paths = new PathEvaluator(names, name => _bound.GetValueOrDefault(name));
    }

    public void AddCall(CallExpression call)
    {
        var callee = _names.Qualify(call.Function);
        if (callee is not null && FolderMakers.Contains(callee) && _paths.Of(call.Argument(0, "name") ?? call.Argument(0, "path")) is { } folder)
            Add(folder.Complete ? folder : folder.Folder(), $"created with {callee}()", call.Line);
        else if (callee is not null && FileHandlers.Contains(callee) && _paths.Of(call.Argument(0, "filename")) is { } log)
            Add(log.Folder(), $"log file{Named(log)} ({callee[(callee.LastIndexOf('.') + 1)..]})", call.Line);
        else if (callee == "logging.basicConfig" && _paths.Of(call.Keyword("filename")) is { } basic)
            Add(basic.Folder(), $"log file{Named(basic)} (logging.basicConfig)", call.Line);
        else if (callee == "loguru.logger.add" && _paths.Of(call.Argument(0, "sink")) is { } sink)
            Add(sink.Folder(), $"log file{Named(sink)} (loguru logger.add)", call.Line);
        else if (callee is not null && FileOpeners.Contains(callee) && Writes(call.Argument(1, "mode")) && _paths.Of(call.Argument(0, "file")) is { } opened)
            Add(opened.Folder(), $"file{Named(opened)} opened for writing ({callee}())", call.Line);
        else if (callee == "sqlite3.connect" && _paths.Of(call.Argument(0, "database")) is { Complete: true, Tail: not ":memory:" } connected)
            Add(connected, "SQLite database (sqlite3.connect; its folder needs write access for the journal)", call.Line);
        else if (call.Function is AttributeExpression method)
            AddMethod(method, call);
    }

    private void AddMethod(AttributeExpression method, CallExpression call)
    {
        switch (method.Attribute)
        {
            case "mkdir" when _paths.Of(method.Target) is { } made:
                Add(made, "created with Path.mkdir()", call.Line);
                break;
            case "write_text" or "write_bytes" or "touch" when _paths.Of(method.Target) is { } written:
                Add(written.Folder(), $"file{Named(written)} written with Path.{method.Attribute}()", call.Line);
                break;
            case "save" when call.Arguments.Count == 1 && _paths.Of(call.Positional(0)) is { } saved && saved.Base.Kind != PathBaseKind.WorkingFolder:
                Add(saved.Folder(), $"files saved there ({PythonExpressions.Describe(method.Target) ?? "file"}.save())", call.Line);
                break;
        }
    }

    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line, string? ownerClass, bool moduleLevel)
    {
        var path = _paths.Of(value);
        if (path is not null)
        {
            foreach (var target in targets)
            {
                _bound[target] = path;
                if (moduleLevel || ownerClass is not null)
                    _constants.Add(new PathConstant(target, ownerClass, path, line));
            }
        }

        if (ownerClass is not null && DevelopmentClass().IsMatch(ownerClass))
            return; // class DevConfig: DB_PATH = ... — what a development or test configuration writes is not what the image runs

        if (targets.Any(UploadSettings.Contains) && path is { Complete: true })
        {
            Add(path, $"uploads ({targets[0]})", line);
            return;
        }

        foreach (var expression in PythonExpressions.Descendants(value))
        {
            if (SqliteFile(expression) is { } database)
            {
                Add(database, "SQLite database (its folder needs write access for the journal)", line);
                return;
            }
        }
    }

    public IReadOnlyList<WritePath> Build() => _writes.DistinctBy(w => (w.Base, w.Path)).ToList();

    public IReadOnlyList<PathConstant> Constants() => _constants;

    private void Add(PathValue value, string reason, int line)
    {
        if (!value.Complete)
            value = value.Folder();
        var path = value.Tail;
        if (value.Base.Kind == PathBaseKind.WorkingFolder)
        {
            if (path.Length == 0 || path == "/tmp" || path.StartsWith("/tmp/", StringComparison.Ordinal))
                return;
        }
        else if (path.StartsWith('/'))
        {
            return;
        }
        if (path.Contains('{', StringComparison.Ordinal))
            return;
        _writes.Add(new WritePath(path.TrimEnd('/'), reason, line) { Base = value.Base });
    }

    private static string Named(PathValue file) => file.Complete && file.Tail.Length > 0 ? " " + file.Tail[(file.Tail.LastIndexOf('/') + 1)..] : "";

    /// <summary>A literal mode that writes: "w", "a", "x" or "+" in it (<c>open(p)</c> alone only reads).</summary>
    private static bool Writes(PythonExpression? mode) =>
        PythonExpressions.StringValue(mode) is { } text && text.IndexOfAny(['w', 'a', 'x', '+']) >= 0;

    private PathValue? SqliteFile(PythonExpression expression)
    {
        const string Scheme = "sqlite:///";
        if (expression is StringExpression { Value: var url } sqlite && url.StartsWith(Scheme, StringComparison.Ordinal) && url.Length > Scheme.Length)
            return _paths.Of(sqlite with { Value = url[Scheme.Length..] });
        if (expression is CompoundExpression compound)
        {
            for (var i = 0; i + 1 < compound.Parts.Count; i++)
            {
                if (PythonExpressions.StringValue(compound.Parts[i]) == Scheme && compound.Operators[i] == "+")
                    return _paths.Of(compound.Parts[i + 1]) is { Complete: true } joined ? joined : null;
            }
        }
        return expression is not StringExpression && _paths.Of(expression) is { Complete: true } path
            && SqliteSuffixes.Any(s => path.Tail.EndsWith(s, StringComparison.Ordinal))
            && !DottedName().IsMatch(path.Tail) // os.getenv("SQL_ENGINE", "django.db.backends.sqlite3") is a module name
            ? path
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(Dev|Development|Test|Testing|Local)[A-Z_]|^(Dev|Test)(Config|Settings)?$")]
    private static partial System.Text.RegularExpressions.Regex DevelopmentClass();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){2,}$")]
    private static partial System.Text.RegularExpressions.Regex DottedName();
}
