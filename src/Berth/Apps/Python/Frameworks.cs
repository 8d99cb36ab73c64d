namespace Berth.Apps.Python;

/// <summary>A Python web framework Berth knows: how its app objects are built and how its routes answer methods.</summary>
public sealed record Framework(string Name, string Interface, IReadOnlyList<string> Constructors, string Package)
{
    public static readonly Framework FastApi = new("fastapi", "asgi", ["fastapi.FastAPI", "fastapi.applications.FastAPI"], "fastapi");
    public static readonly Framework Starlette = new("starlette", "asgi", ["starlette.applications.Starlette", "starlette.Starlette"], "starlette");
    public static readonly Framework Flask = new("flask", "wsgi", ["flask.Flask", "flask.app.Flask"], "flask");
    public static readonly Framework Quart = new("quart", "asgi", ["quart.Quart", "quart.app.Quart"], "quart");
    /// <summary>Other ASGI apps (Litestar, Falcon's ASGI App): served by uvicorn like any ASGI callable.</summary>
    public static readonly Framework GenericAsgi = new("asgi", "asgi", ["litestar.Litestar", "falcon.asgi.App"], "");

    /// <summary>Other WSGI apps (Falcon, Bottle): served by gunicorn like any WSGI callable.</summary>
    public static readonly Framework GenericWsgi = new("wsgi", "wsgi", ["falcon.App", "bottle.Bottle"], "");

    public static readonly Framework DjangoWsgi = new("django", "wsgi", [], "django");
    public static readonly Framework DjangoAsgi = new("django", "asgi", [], "django");

    public static IReadOnlyList<Framework> WithConstructors { get; } = [FastApi, Starlette, Flask, Quart, GenericAsgi, GenericWsgi];

    /// <summary>The framework whose app class this constructor names (fully qualified, or bare when the import could not be resolved).</summary>
    public static Framework? ForConstructor(string constructor)
    {
        foreach (var framework in WithConstructors)
        {
            if (framework.Constructors.Contains(constructor, StringComparer.Ordinal))
                return framework;
        }
        // Bare names ("FastAPI") when the import was not seen: accept the class name alone.
        var bare = constructor.Contains('.', StringComparison.Ordinal) ? null : constructor;
        return bare is null ? null : WithConstructors.FirstOrDefault(f => f.Constructors.Any(c => c.EndsWith("." + bare, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The methods a route answers, from how it was declared. FastAPI's <c>@app.get</c> answers GET only (HEAD gets 405);
    /// Starlette adds HEAD to every GET route; Flask and Quart answer HEAD (and OPTIONS) wherever GET is allowed;
    /// Django views answer whatever the view accepts, GET and HEAD by default.
    /// </summary>
    public IReadOnlyList<string> MethodsAnswered(string declaration, IReadOnlyList<string> explicitMethods)
    {
        var methods = new List<string>(explicitMethods.Select(m => m.ToUpperInvariant()));
        switch (declaration)
        {
            case "get" or "post" or "put" or "patch" or "delete" or "head" or "options":
                if (methods.Count == 0)
                    methods.Add(declaration.ToUpperInvariant());
                break;
            case "websocket":
                return [];
            default:
                if (methods.Count == 0)
                    methods.Add("GET");
                break;
        }

        var addsHeadToGet = Name switch
        {
            "starlette" => declaration is "Route" or "route",
            "fastapi" => declaration is "Route", // a plain Starlette Route inside a FastAPI app
            "flask" or "quart" => true,
            "django" => true,
            _ => false,
        };
        if (addsHeadToGet && methods.Contains("GET") && !methods.Contains("HEAD"))
            methods.Add("HEAD");
        return methods.Distinct(StringComparer.Ordinal).OrderBy(MethodOrder).ToList();
    }

    private static int MethodOrder(string method) => method switch
    {
        "GET" => 0,
        "HEAD" => 1,
        "POST" => 2,
        "PUT" => 3,
        "PATCH" => 4,
        "DELETE" => 5,
        "OPTIONS" => 6,
        _ => 7,
    };
}
