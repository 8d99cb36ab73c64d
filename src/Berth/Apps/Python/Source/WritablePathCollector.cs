namespace Berth.Apps.Python.Source;

/// <summary>
/// Paths the code writes under the app folder: folders it creates (<c>os.mkdir("logs")</c>, <c>os.makedirs</c>,
/// <c>Path("uploads").mkdir()</c>), log files (<c>RotatingFileHandler("logs/app.log")</c>, <c>basicConfig(filename=...)</c>),
/// SQLite databases (<c>"sqlite:///" + os.path.join(basedir, "app.db")</c>, <c>BASE_DIR / "db.sqlite3"</c>) and upload folders
/// (<c>MEDIA_ROOT</c>, <c>UPLOAD_FOLDER</c>). Only literal paths; <c>/tmp</c> is writable in every generated container already.
/// </summary>
internal sealed class WritablePathCollector(PythonNameLookup names)
{
    private static readonly HashSet<string> FolderMakers = new(StringComparer.Ordinal) { "os.mkdir", "os.makedirs" };

    private static readonly HashSet<string> FileHandlers = new(StringComparer.Ordinal)
    {
        "logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.handlers.TimedRotatingFileHandler", "logging.handlers.WatchedFileHandler",
    };

    private static readonly HashSet<string> UploadSettings = new(StringComparer.Ordinal) { "MEDIA_ROOT", "UPLOAD_FOLDER", "UPLOAD_DIR", "UPLOADS_DIR", "UPLOAD_ROOT" };

    private readonly List<WritePath> _writes = [];
    private readonly LiteralPath _paths = new(names);

    public void AddCall(CallExpression call)
    {
        var callee = names.Qualify(call.Function);
        if (callee is not null && FolderMakers.Contains(callee) && PathOf(call.Argument(0, "name") ?? call.Argument(0, "path")) is { } folder)
            Add(folder, $"created with {callee}()", call.Line);
        else if (callee is not null && FileHandlers.Contains(callee) && PathOf(call.Argument(0, "filename")) is { } log)
            Add(FolderOf(log), $"log file {log} ({callee[(callee.LastIndexOf('.') + 1)..]})", call.Line);
        else if (callee == "logging.basicConfig" && PathOf(call.Keyword("filename")) is { } basic)
            Add(FolderOf(basic), $"log file {basic} (logging.basicConfig)", call.Line);
        else if (call.Function is AttributeExpression { Attribute: "mkdir", Target: CallExpression maker }
                 && names.Qualify(maker.Function) is "pathlib.Path" or "Path" && PathOf(maker.Positional(0)) is { } made)
            Add(made, "created with Path.mkdir()", call.Line);
    }

    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        if (targets.Any(UploadSettings.Contains) && PathOf(value) is { } upload)
        {
            Add(upload, $"uploads ({targets[0]})", line);
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

    public IReadOnlyList<WritePath> Build() => _writes.DistinctBy(w => w.Path).ToList();

    private void Add(string path, string reason, int line)
    {
        var clean = path.TrimStart('.', '/').Length == 0 && !path.StartsWith('/') ? null : path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        if (clean is null or "/tmp" || clean.StartsWith("/tmp/", StringComparison.Ordinal) || clean.Contains('{', StringComparison.Ordinal))
            return;
        _writes.Add(new WritePath(clean.TrimEnd('/'), reason, line));
    }

    private string? PathOf(PythonExpression? expression) => _paths.Of(expression);

    private string? SqliteFile(PythonExpression expression)
    {
        if (PythonExpressions.StringValue(expression) is { } url && url.StartsWith("sqlite:///", StringComparison.Ordinal) && url.Length > "sqlite:///".Length)
            return url["sqlite:///".Length..];
        if (expression is CompoundExpression compound)
        {
            for (var i = 0; i + 1 < compound.Parts.Count; i++)
            {
                if (PythonExpressions.StringValue(compound.Parts[i]) == "sqlite:///" && compound.Operators[i] == "+")
                    return PathOf(compound.Parts[i + 1]);
            }
        }
        return PathOf(expression) is { } path && (path.EndsWith(".sqlite3", StringComparison.Ordinal) || path.EndsWith(".sqlite", StringComparison.Ordinal) || path.EndsWith(".db", StringComparison.Ordinal))
            && expression is not StringExpression
            ? path
            : null;
    }

    private static string FolderOf(string file) => file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : file;
}
