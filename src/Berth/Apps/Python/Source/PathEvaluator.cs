namespace Berth.Apps.Python.Source;

/// <summary>
/// Reads a path expression into a <see cref="PathValue"/>: literals, <c>__file__</c> and the folders above it
/// (<c>Path(__file__).resolve().parent</c>, <c>os.path.dirname(os.path.abspath(__file__))</c>), names bound earlier in the file
/// (<paramref name="bound"/>) or imported from another module, <c>/</c>, <c>os.path.join</c>, <c>.joinpath</c>, f-strings,
/// <c>os.getenv("X", default)</c> (the default: what the app uses when X is unset) and Flask's <c>app.config["X"]</c>.
/// Null when the expression is not a path Berth can follow.
/// </summary>
internal sealed class PathEvaluator(PythonNameLookup names, Func<string, PathValue?> bound)
{
    private const int MaxDepth = 12;

    private static readonly HashSet<string> Identity = new(StringComparer.Ordinal)
    {
        "os.path.abspath", "os.path.realpath", "os.path.normpath", "str", "pathlib.Path", "Path", "os.fspath",
    };

    public PathValue? Of(PythonExpression? expression) => Of(expression, 0);

    private PathValue? Of(PythonExpression? expression, int depth)
    {
        if (expression is null || depth > MaxDepth)
            return null;
        return expression switch
        {
            StringExpression { IsLiteral: true } literal when literal.Value.Length > 0 => new PathValue(PathBase.WorkingFolder, "").Join(literal.Value),
            StringExpression { IsLiteral: false } formatted => Formatted(formatted, depth),
            NameExpression { Name: "__file__" } => new PathValue(new PathBase(PathBaseKind.ModuleFolder, Up: -1), ""),
            NameExpression name => bound(name.Name) ?? Imported(name.Name),
            AttributeExpression { Attribute: "parent" } parent when Of(parent.Target, depth + 1) is { Complete: true, Tail: "" } start
                && start.Base.Kind == PathBaseKind.ModuleFolder => start with { Base = start.Base with { Up = start.Base.Up + 1 } },
            AttributeExpression attribute when ShortDottedName(attribute) is { } dotted && names.Imports.IsImported(dotted.Split('.')[0]) =>
                new PathValue(new PathBase(PathBaseKind.Imported, names.Imports.Qualify(dotted)), ""),
            SubscriptExpression { Target: AttributeExpression { Attribute: "config" }, Index: [var key] } when PythonExpressions.StringValue(key) is { } setting =>
                new PathValue(new PathBase(PathBaseKind.Setting, setting), ""),
            CompoundExpression { Operators: var operators, Parts: var parts } when parts.Count > 0 && operators.All(o => o == "/") => Joined(Start(parts[0], depth), parts.Skip(1), depth),
            CallExpression call => Call(call, depth),
            _ => null,
        };
    }

    /// <summary>
    /// <c>paths.LOG_DIR</c> as a dotted name when the chain is short enough to be a module constant: every expression of a statement is
    /// asked, so a 100,000-link chain read whole at each of its links would take quadratic time.
    /// </summary>
    private static string? ShortDottedName(AttributeExpression attribute)
    {
        PythonExpression current = attribute;
        for (var links = 0; links <= MaxDepth; links++)
        {
            if (current is NameExpression)
                return PythonExpressions.DottedName(attribute);
            if (current is not AttributeExpression { Target: var target })
                return null;
            current = target;
        }
        return null;
    }

    private PathValue? Call(CallExpression call, int depth)
    {
        var callee = names.Qualify(call.Function);
        if (callee is "os.path.join" && call.Arguments.Count > 0)
            return Joined(Start(call.Positional(0), depth), call.Arguments.Skip(1).Select(a => a.Value), depth);
        if (callee is "os.path.dirname")
            return Of(call.Positional(0), depth + 1) is { Complete: true } inner ? Parent(inner) : null;
        if (callee is not null && Identity.Contains(callee) && call.Arguments.Count >= 1)
            return Joined(Of(call.Positional(0), depth + 1), call.Arguments.Skip(1).Select(a => a.Value), depth);
        if (callee is not null && PythonKnownNames.EnvFunctions.ContainsKey(callee) && PythonExpressions.StringValue(call.Argument(0, "key")) is { } variable)
        {
            var fallback = call.Argument(1, "default");
            return fallback is null ? new PathValue(new PathBase(PathBaseKind.Environment, variable), "") : Of(fallback, depth + 1);
        }
        return call.Function switch
        {
            AttributeExpression { Attribute: "resolve" or "absolute" or "expanduser" } method when call.Arguments.Count == 0 => Of(method.Target, depth + 1),
            AttributeExpression { Attribute: "joinpath" } method => Joined(Of(method.Target, depth + 1), call.Arguments.Select(a => a.Value), depth),
            _ => null,
        };
    }

    /// <summary>
    /// The first part of a join: a bare name this file cannot see into (<c>BASE_DIR</c> from a star import) is taken to be the
    /// app folder, as <c>BASE_DIR</c> is in Django projects.
    /// </summary>
    private PathValue? Start(PythonExpression? first, int depth) =>
        Of(first, depth + 1) ?? (first is NameExpression ? new PathValue(PathBase.WorkingFolder, "") : null);

    private PathValue? Joined(PathValue? start, IEnumerable<PythonExpression> parts, int depth)
    {
        if (start is null)
            return null;
        foreach (var part in parts)
        {
            if (!start.Complete)
                break;
            if (Of(part, depth + 1) is { } next && next.Base == PathBase.WorkingFolder)
                start = next.Tail.StartsWith('/') ? next : start.Join(next.Tail) with { Complete = next.Complete };
            else
                start = start.Partial();
        }
        return start;
    }

    /// <summary><c>f"{base}/media"</c>, <c>f"logs/{name}.log"</c>: the first field's path (or the leading literal) and the literal text after it.</summary>
    private PathValue? Formatted(StringExpression formatted, int depth)
    {
        var text = formatted.Value;
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
            return text.Length == 0 ? null : new PathValue(PathBase.WorkingFolder, "").Join(text);
        if (open > 0)
            return text[..open].Contains('/', StringComparison.Ordinal) ? new PathValue(PathBase.WorkingFolder, "").Join(text[..text[..open].LastIndexOf('/')]).Partial() : null;
        var close = text.IndexOf('}', StringComparison.Ordinal);
        if (close < 0 || formatted.Fields.Count == 0 || Of(formatted.Fields[0], depth + 1) is not { } start)
            return null;
        var rest = text[(close + 1)..];
        if (rest.Length == 0)
            return start;
        if (!rest.StartsWith('/'))
            return start.Partial();
        rest = rest.TrimStart('/'); // the separator after the field, not an absolute path
        var next = rest.IndexOf('{', StringComparison.Ordinal);
        if (next < 0)
            return start.Join(rest);
        var literal = rest[..next];
        return start.Join(literal.Contains('/', StringComparison.Ordinal) ? literal[..literal.LastIndexOf('/')] : "").Partial();
    }

    private PathValue? Imported(string name) =>
        names.Imports.IsImported(name) ? new PathValue(new PathBase(PathBaseKind.Imported, names.Imports.Qualify(name)), "") : null;

    private static PathValue? Parent(PathValue value) => value switch
    {
        { Base.Kind: PathBaseKind.ModuleFolder, Tail: "" } => value with { Base = value.Base with { Up = value.Base.Up + 1 } },
        { Tail: var tail } when tail.Contains('/', StringComparison.Ordinal) => value with { Tail = tail[..tail.LastIndexOf('/')] },
        { Tail: not "" } => value with { Tail = "" },
        _ => null,
    };
}
