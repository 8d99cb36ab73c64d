namespace Berth.Apps.Python.Source;

/// <summary>
/// Routes and router inclusions: route decorators (<c>@app.get</c>, <c>@bp.route</c>, <c>@app.api_route</c>...),
/// <c>add_api_route</c>/<c>add_url_rule</c>/<c>add_route</c> calls, Starlette <c>Route(...)</c>, Django
/// <c>path()</c>/<c>re_path()</c>/<c>url()</c>, and <c>include_router</c>/<c>register_blueprint</c>/<c>mount</c>/Django <c>include()</c>.
/// </summary>
internal sealed class RouteCollector(PythonNameLookup names)
{
    public List<RouteDeclaration> Routes { get; } = [];

    public List<RouterInclusion> Inclusions { get; } = [];

    /// <summary>A decorator on <paramref name="function"/>.</summary>
    public void AddDecorator(PythonExpression decorator, string function)
    {
        if (decorator is not CallExpression { Function: AttributeExpression { Attribute: var method, Target: var receiver } } call
            || !PythonKnownNames.RouteDecorators.Contains(method))
        {
            return;
        }

        var path = PythonExpressions.StringValue(call.Keyword("path") ?? call.Keyword("rule") ?? call.Positional(0));
        if (!IsRoutePath(path))
        {
            return;
        }

        var methods = PythonKnownNames.HttpMethodDecorators.Contains(method)
            ? [method.ToUpperInvariant()]
            : Methods(call.Keyword("methods"));
        var declaration = method == "websocket_route" ? "websocket" : method;
        Routes.Add(new RouteDeclaration(PythonExpressions.DottedName(receiver), path!, methods, declaration, function, call.Line));
    }

    /// <summary>
    /// A module-level <c>application = health_check(application, "/health/")</c>: a function that wraps the app and is handed a
    /// health-named path answers that path itself, for any method, before the app sees it (an ASGI/WSGI middleware).
    /// </summary>
    public void AddWrapping(IReadOnlyList<string> assigned, PythonExpression value)
    {
        if (assigned is not [var variable] || value is not CallExpression call
            || !call.Arguments.Any(a => a.Keyword is null && a.Value is NameExpression { Name: var wrapped } && wrapped == variable))
        {
            return;
        }

        foreach (var argument in call.Arguments)
        {
            if (PythonExpressions.StringValue(argument.Value) is { } path && IsRoutePath(path) && HealthPaths.Rank(path) is not null)
                Routes.Add(new RouteDeclaration(null, path, ["GET", "HEAD"], "middleware", PythonExpressions.DottedName(call.Function), call.Line));
        }
    }

    /// <summary>Any call. <paramref name="assignedTo"/> names the variable the enclosing statement assigns (Django's urlpatterns).</summary>
    public void AddCall(CallExpression call, string? assignedTo, Func<string?, bool> isKnownApp)
    {
        if (call.Function is AttributeExpression { Attribute: var method, Target: var receiver })
        {
            AddMethodCall(call, method, PythonExpressions.DottedName(receiver), isKnownApp);
            return;
        }

        if (names.Match(PythonKnownNames.StarletteRoutes, call.Function) is not null)
        {
            AddRoute(null, call.Argument(0, "path"), call.Argument(1, "endpoint"), call.Keyword("methods"), "Route", call.Line);
            return;
        }

        if (names.Match(PythonKnownNames.DjangoRoutes, call.Function) is { } django)
        {
            AddDjangoRoute(call, django, assignedTo);
        }
    }

    private void AddMethodCall(CallExpression call, string method, string? target, Func<string?, bool> isKnownApp)
    {
        switch (method)
        {
            case "add_api_route":
                AddRoute(target, call.Argument(0, "path"), call.Argument(1, "endpoint"), call.Keyword("methods"), method, call.Line);
                break;
            case "add_route":
                AddRoute(target, call.Argument(0, "path"), call.Argument(1, "route"), call.Keyword("methods"), method, call.Line);
                break;
            case "add_url_rule":
                AddRoute(target, call.Argument(0, "rule"), call.Keyword("view_func") ?? call.Positional(2), call.Keyword("methods"), method, call.Line);
                break;
            case "include_router":
                AddInclusion(target, call.Argument(0, "router"), call.Keyword("prefix"), call.Line);
                break;
            case "register_blueprint":
                AddInclusion(target, call.Argument(0, "blueprint"), call.Keyword("url_prefix"), call.Line);
                break;
            case "mount":
                var path = PythonExpressions.StringValue(call.Argument(0, "path"));
                if ((path is not null && IsRoutePath(path)) || (path is null && isKnownApp(target)))
                {
                    AddInclusion(target, call.Argument(1, "app"), path, call.Line);
                }

                break;
        }
    }

    private void AddRoute(string? target, PythonExpression? pathArgument, PythonExpression? endpoint, PythonExpression? methods, string declaration, int line)
    {
        var path = PythonExpressions.StringValue(pathArgument);
        if (IsRoutePath(path))
        {
            Routes.Add(new RouteDeclaration(target, path!, Methods(methods), declaration, PythonExpressions.Describe(endpoint), line));
        }
    }

    private void AddInclusion(string? target, PythonExpression? router, string? prefix, int line) =>
        Inclusions.Add(new RouterInclusion(target ?? "", PythonExpressions.Describe(router) ?? "", prefix, line));

    private void AddInclusion(string? target, PythonExpression? router, PythonExpression? prefix, int line) =>
        Inclusions.Add(new RouterInclusion(target ?? "", PythonExpressions.Describe(router) ?? "", PythonExpressions.StringValue(prefix), line)
        {
            PrefixReference = PythonExpressions.StringValue(prefix) is null ? PythonExpressions.DottedName(prefix) : null,
        });

    private void AddDjangoRoute(CallExpression call, string declaration, string? assignedTo)
    {
        if (PythonExpressions.StringValue(call.Argument(0, "route")) is not { } route)
        {
            return;
        }

        var view = call.Argument(1, "view");
        if (view is CallExpression included && names.Match(PythonKnownNames.DjangoIncludes, included.Function) is not null)
        {
            var module = included.Argument(0, "arg");
            var expression = PythonExpressions.StringValue(module) ?? PythonExpressions.Describe(module) ?? "";
            Inclusions.Add(new RouterInclusion(assignedTo ?? "", expression, route, call.Line));
            return;
        }

        Routes.Add(new RouteDeclaration(null, route, [], declaration, PythonExpressions.Describe(view), call.Line));
    }

    private static bool IsRoutePath(string? path) => path is not null && (path.Length == 0 || path[0] == '/');

    private static IReadOnlyList<string> Methods(PythonExpression? methods)
    {
        if (PythonExpressions.StringList(methods) is not { } values)
        {
            return [];
        }

        var upper = new List<string>(values.Count);
        foreach (var value in values)
        {
            upper.Add(value.ToUpperInvariant());
        }

        return upper;
    }
}
