namespace Berth.Apps.Python.Source;

/// <summary>Where a served folder's written path starts.</summary>
public enum ServedPathBase
{
    /// <summary>A bare relative literal (<c>"frontend/dist"</c>): the process's working folder, which is the service folder in the image.</summary>
    WorkingFolder,

    /// <summary>Derived from <c>__file__</c>: <see cref="ServedFolderClue.Up"/> folders above the module's own folder.</summary>
    ModuleFolder,

    /// <summary>A name Berth did not read the value of (<c>BASE_DIR</c> imported from elsewhere, <c>settings.FRONTEND_DIR</c>).</summary>
    Unknown,
}

/// <summary>
/// A folder the app serves files from: <c>app.mount("/", StaticFiles(directory=..., html=True))</c>, Flask's
/// <c>static_folder</c>/<c>template_folder</c>, <c>send_from_directory(...)</c>, Django's <c>STATICFILES_DIRS</c> and template
/// <c>DIRS</c>. Path is the literal part after the base ('/'-joined, may hold ".."); Route is the URL path it is mounted at, when
/// the code states one; Reference names the unread base (<see cref="ServedPathBase.Unknown"/>).
/// </summary>
public sealed record ServedFolderClue(string Path, ServedPathBase Base, int Up, string How, string? Route, int Line)
{
    public string? Reference { get; init; }
}

/// <summary>
/// A module-level name that holds a path with a literal part (<c>STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")</c>,
/// <c>STATIC_DIR = config("STATIC_DIR", default=DEFAULT_STATIC_DIR)</c>): another module that serves the name is read through it.
/// </summary>
public sealed record NamedPath(string Name, string Path, ServedPathBase Base, int Up, int Line);

/// <summary>Reads the folders a module serves files from, with paths built from literals, <c>__file__</c> and module-level names.</summary>
internal sealed class ServedFolderCollector(PythonNameLookup names, Func<string, PythonExpression?> moduleVariable)
{
    private static readonly HashSet<string> StaticFilesClasses = new(StringComparer.Ordinal) { "starlette.staticfiles.StaticFiles", "fastapi.staticfiles.StaticFiles" };

    private readonly List<ServedFolderClue> _clues = [];
    private readonly List<NamedPath> _named = [];

    /// <summary>Module-level names that hold a path with a literal part.</summary>
    public IReadOnlyList<NamedPath> Named => _named;

    /// <summary>A module-level <c>NAME = path</c>: kept when the path has a literal part and a known base.</summary>
    public void AddModuleAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        if (Of(value, 0) is { Tail.Length: > 0, Base: not ServedPathBase.Unknown } path && !path.Tail.StartsWith('/'))
            _named.AddRange(targets.Select(t => new NamedPath(t, path.Tail, path.Base, path.Up, line)));
    }

    public void AddCall(CallExpression call)
    {
        var callee = names.Qualify(call.Function);
        if (call.Function is AttributeExpression { Attribute: "mount" } && call.Argument(1, "app") is CallExpression inner
            && names.Qualify(inner.Function) is { } innerCallee && StaticFilesClasses.Contains(innerCallee))
        {
            Add(inner.Argument(0, "directory"), Html(inner), PythonExpressions.StringValue(call.Argument(0, "path")), call.Line);
        }
        else if (callee is not null && StaticFilesClasses.Contains(callee))
        {
            Add(call.Argument(0, "directory"), Html(call), null, call.Line);
        }
        else if (callee is "flask.Flask" or "quart.Quart")
        {
            var staticRoute = call.Keyword("static_url_path") is { } urlPath ? PythonExpressions.StringValue(urlPath) : "/static";
            Add(call.Keyword("static_folder"), "static_folder", staticRoute is "" ? "/" : staticRoute, call.Line);
            Add(call.Keyword("template_folder"), "template_folder", null, call.Line);
        }
        else if (callee is "flask.send_from_directory" or "quart.send_from_directory")
        {
            Add(call.Argument(0, "directory"), "send_from_directory", null, call.Line);
        }
    }

    /// <summary>Django: <c>STATICFILES_DIRS = [...]</c> and the <c>"DIRS"</c> of <c>TEMPLATES</c>, at module level.</summary>
    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        if (targets.Contains("STATICFILES_DIRS") && value is SequenceExpression dirs)
        {
            foreach (var item in dirs.Items)
                Add(item is SequenceExpression { Items.Count: 2 } prefixed ? prefixed.Items[1] : item, "STATICFILES_DIRS", null, line);
        }
        else if (targets.Contains("TEMPLATES"))
        {
            foreach (var dict in PythonExpressions.Descendants(value).OfType<DictExpression>())
            {
                for (var i = 0; i < dict.Keys.Count; i++)
                {
                    if (PythonExpressions.StringValue(dict.Keys[i]) == "DIRS" && dict.Values[i] is SequenceExpression templateDirs)
                    {
                        foreach (var item in templateDirs.Items)
                            Add(item, "TEMPLATES DIRS", null, item.Line > 0 ? item.Line : line);
                    }
                }
            }
        }
    }

    public IReadOnlyList<ServedFolderClue> Build() =>
        _clues.GroupBy(c => (c.Line, c.Path, c.Base, c.Up)).Select(g => g.FirstOrDefault(c => c.Route is not null) ?? g.First()).OrderBy(c => c.Line).ToList();

    private static string Html(CallExpression staticFiles) =>
        staticFiles.Keyword("html") is ConstantExpression { Name: "True" } ? "StaticFiles(html=True)" : "StaticFiles";

    private void Add(PythonExpression? expression, string how, string? route, int line)
    {
        if (Of(expression, 0) is not { } path || path.Tail.StartsWith('/'))
            return;
        _clues.Add(new ServedFolderClue(path.Tail, path.Base, path.Up, how, route, line) { Reference = path.Reference });
    }

    private sealed record WrittenPath(ServedPathBase Base, int Up, string Tail, string? Reference = null)
    {
        public WrittenPath Then(string tail) => this with { Tail = Tail.Length == 0 ? tail : tail.Length == 0 ? Tail : Tail + "/" + tail };
    }

    private WrittenPath? Of(PythonExpression? expression, int depth)
    {
        if (depth > 8)
            return null;
        switch (expression)
        {
            case StringExpression { IsLiteral: true } literal:
                return new WrittenPath(ServedPathBase.WorkingFolder, 0, Clean(literal.Value));
            case NameExpression { Name: "__file__" }:
                return new WrittenPath(ServedPathBase.ModuleFolder, -1, "");
            case NameExpression name:
                return moduleVariable(name.Name) is { } value && !ReferenceEquals(value, expression)
                    ? Of(value, depth + 1)
                    : new WrittenPath(ServedPathBase.Unknown, 0, "", name.Name);
            case AttributeExpression { Attribute: "parent", Target: var target }:
                return Of(target, depth + 1) is { } parent ? Up(parent) : null;
            case SubscriptExpression { Target: AttributeExpression { Attribute: "parents", Target: var target }, Index: [NumberExpression number] }
                when int.TryParse(number.Text, out var levels):
                return Of(target, depth + 1) is { } ancestor ? Enumerable.Range(0, levels + 1).Aggregate(ancestor, (p, _) => Up(p)) : null;
            case AttributeExpression attribute when PythonExpressions.DottedName(attribute) is { } dotted:
                return new WrittenPath(ServedPathBase.Unknown, 0, "", dotted);
            case CallExpression { Function: AttributeExpression { Attribute: "resolve" or "absolute", Target: var target }, Arguments.Count: 0 }:
                return Of(target, depth + 1);
            case CallExpression call:
                return OfCall(call, depth);
            case CompoundExpression { Operators: var operators, Parts: var parts } when parts.Count > 1 && operators.All(o => o == "/"):
                return Joined(parts[0], parts.Skip(1), depth);
            default:
                return null;
        }
    }

    private WrittenPath? OfCall(CallExpression call, int depth)
    {
        var callee = names.Qualify(call.Function);
        if (callee == "os.path.join" && call.Arguments.Count > 0 && call.Arguments.All(a => a.Keyword is null && a.Stars == 0))
            return Joined(call.Arguments[0].Value, call.Arguments.Skip(1).Select(a => a.Value), depth);
        // config("STATIC_DIR", default=...) (Starlette's Config, python-decouple), env.str("X", default=...): the default is the path
        if (call.Keyword("default") is { } fallback && PythonExpressions.StringValue(call.Positional(0)) is not null)
            return Of(fallback, depth + 1);
        if (call.Arguments.Count != 1 || call.Positional(0) is not { } only)
            return null;
        if (callee == "os.path.dirname")
            return Of(only, depth + 1) is { } inner ? Up(inner) : null;
        return call.Function is NameExpression { Name: "str" } || callee is "str" or "pathlib.Path" or "Path" or "os.path.abspath" or "os.path.realpath" or "os.path.normpath"
            ? Of(only, depth + 1)
            : null;
    }

    private WrittenPath? Joined(PythonExpression first, IEnumerable<PythonExpression> rest, int depth)
    {
        // a literal, or a relative path built from literals (os.path.join("static", "dist"))
        var tails = rest.Select(p => PythonExpressions.StringValue(p) ?? (Of(p, depth + 1) is { Base: ServedPathBase.WorkingFolder } inner && !inner.Tail.StartsWith('/') ? inner.Tail : null)).ToList();
        if (tails.Any(t => t is null) || Of(first, depth + 1) is not { } start)
            return null;
        return tails.Aggregate(start, (path, tail) => path.Then(Clean(tail!)));
    }

    /// <summary>One folder up: a path whose tail is a name drops it; otherwise the base moves up (or the tail gains "..").</summary>
    private static WrittenPath Up(WrittenPath path)
    {
        if (path.Tail.Length > 0)
        {
            var parts = path.Tail.Split('/').ToList();
            if (parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                return path with { Tail = string.Join('/', parts) };
            }
            return path.Then("..");
        }
        return path.Base == ServedPathBase.ModuleFolder ? path with { Up = path.Up + 1 } : path.Then("..");
    }

    private static string Clean(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Where(p => p.Length > 0 && p != ".")) is var joined && path.StartsWith('/') ? "/" + joined : joined;
}
