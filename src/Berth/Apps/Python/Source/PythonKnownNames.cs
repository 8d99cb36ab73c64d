namespace Berth.Apps.Python.Source;

/// <summary>
/// The qualified names the reader recognises, each mapped to the canonical public name it reports
/// (e.g. <c>fastapi.applications.FastAPI</c> → <c>fastapi.FastAPI</c>). Bare names such as <c>FastAPI</c> are matched
/// only when no import binds them (e.g. after a star import from elsewhere) and are reported as written.
/// </summary>
internal static class PythonKnownNames
{
    public static readonly IReadOnlyDictionary<string, string> AppConstructors = Canonical(
        ("fastapi.FastAPI", "fastapi.FastAPI"),
        ("fastapi.applications.FastAPI", "fastapi.FastAPI"),
        ("starlette.applications.Starlette", "starlette.applications.Starlette"),
        ("flask.Flask", "flask.Flask"),
        ("flask.app.Flask", "flask.Flask"),
        ("quart.Quart", "quart.Quart"),
        ("quart.app.Quart", "quart.Quart"),
        ("sanic.Sanic", "sanic.Sanic"),
        ("sanic.app.Sanic", "sanic.Sanic"),
        ("litestar.Litestar", "litestar.Litestar"),
        ("litestar.app.Litestar", "litestar.Litestar"),
        ("aiohttp.web.Application", "aiohttp.web.Application"),
        ("aiohttp.web_app.Application", "aiohttp.web.Application"),
        ("falcon.App", "falcon.App"),
        ("falcon.asgi.App", "falcon.asgi.App"),
        ("django.core.wsgi.get_wsgi_application", "django.core.wsgi.get_wsgi_application"),
        ("django.core.asgi.get_asgi_application", "django.core.asgi.get_asgi_application"),
        ("FastAPI", "FastAPI"),
        ("Starlette", "Starlette"),
        ("Flask", "Flask"),
        ("Quart", "Quart"),
        ("Sanic", "Sanic"),
        ("Litestar", "Litestar"));

    public static readonly IReadOnlyDictionary<string, string> RouterConstructors = Canonical(
        ("fastapi.APIRouter", "fastapi.APIRouter"),
        ("fastapi.routing.APIRouter", "fastapi.APIRouter"),
        ("flask.Blueprint", "flask.Blueprint"),
        ("flask.blueprints.Blueprint", "flask.Blueprint"),
        ("quart.Blueprint", "quart.Blueprint"),
        ("sanic.Blueprint", "sanic.Blueprint"),
        ("APIRouter", "APIRouter"),
        ("Blueprint", "Blueprint"));

    /// <summary>App constructors whose instances start a development server with <c>app.run(...)</c>, by server name.</summary>
    public static readonly IReadOnlyDictionary<string, string> RunnableApps = Canonical(
        ("flask.Flask", "flask"),
        ("Flask", "flask"),
        ("quart.Quart", "quart"),
        ("Quart", "quart"),
        ("sanic.Sanic", "sanic"),
        ("Sanic", "sanic"));

    public static readonly IReadOnlyDictionary<string, string> ServerFunctions = Canonical(
        ("uvicorn.run", "uvicorn"),
        ("uvicorn.main.run", "uvicorn"),
        ("aiohttp.web.run_app", "aiohttp"),
        ("waitress.serve", "waitress"));

    public static readonly IReadOnlyDictionary<string, string> SettingsBases = Canonical(
        ("pydantic.BaseSettings", "pydantic.BaseSettings"),
        ("pydantic.env_settings.BaseSettings", "pydantic.BaseSettings"),
        ("pydantic_settings.BaseSettings", "pydantic_settings.BaseSettings"),
        ("pydantic_settings.main.BaseSettings", "pydantic_settings.BaseSettings"),
        ("BaseSettings", "BaseSettings"));

    public static readonly IReadOnlyDictionary<string, string> FieldFunctions = Canonical(
        ("pydantic.Field", "pydantic.Field"),
        ("pydantic.fields.Field", "pydantic.Field"),
        ("Field", "Field"));

    public static readonly IReadOnlyDictionary<string, string> ClassVarNames = Canonical(
        ("typing.ClassVar", "ClassVar"),
        ("typing_extensions.ClassVar", "ClassVar"),
        ("ClassVar", "ClassVar"));

    public static readonly IReadOnlyDictionary<string, string> EnvFunctions = Canonical(
        ("os.environ.get", "get"),
        ("os.getenv", "get"),
        ("os.environ.setdefault", "setdefault"));

    public const string Environ = "os.environ";

    public static readonly IReadOnlyDictionary<string, string> StarletteRoutes = Canonical(
        ("starlette.routing.Route", "Route"));

    public static readonly IReadOnlyDictionary<string, string> DjangoRoutes = Canonical(
        ("django.urls.path", "path"),
        ("django.urls.re_path", "re_path"),
        ("django.urls.conf.path", "path"),
        ("django.urls.conf.re_path", "re_path"),
        ("django.conf.urls.url", "url"));

    public static readonly IReadOnlyDictionary<string, string> DjangoIncludes = Canonical(
        ("django.urls.include", "include"),
        ("django.urls.conf.include", "include"),
        ("django.conf.urls.include", "include"));

    /// <summary>The standard library's formatter base class.</summary>
    public const string LoggingFormatter = "logging.Formatter";

    /// <summary>loguru's ready-made logger object.</summary>
    public const string LoguruLogger = "loguru.logger";

    /// <summary>Functions that turn an object into a JSON string.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonDumps = Canonical(
        ("json.dumps", "json.dumps"),
        ("orjson.dumps", "orjson.dumps"),
        ("ujson.dumps", "ujson.dumps"),
        ("simplejson.dumps", "simplejson.dumps"));

    /// <summary>python-json-logger's formatters (the pre-3.1 <c>jsonlogger</c> module and the 3.1+ modules). No bare names: a local class called JsonFormatter is not one of these.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonFormatters = Canonical(
        ("pythonjsonlogger.jsonlogger.JsonFormatter", "pythonjsonlogger.jsonlogger.JsonFormatter"),
        ("pythonjsonlogger.json.JsonFormatter", "pythonjsonlogger.json.JsonFormatter"),
        ("pythonjsonlogger.orjson.OrjsonFormatter", "pythonjsonlogger.orjson.OrjsonFormatter"),
        ("pythonjsonlogger.msgspec.MsgspecFormatter", "pythonjsonlogger.msgspec.MsgspecFormatter"));

    /// <summary>Classes whose instances read env variables when called: <c>config = Config(".env"); config("X")</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConfigClasses = Canonical(
        ("starlette.config.Config", "starlette.config.Config"),
        ("decouple.AutoConfig", "decouple.AutoConfig"));

    /// <summary>Ready-made config objects: python-decouple's <c>from decouple import config</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConfigFunctions = Canonical(
        ("decouple.config", "decouple.config"));

    /// <summary>Database engine constructors that fail at import when their URL is None.</summary>
    public static readonly IReadOnlyDictionary<string, string> EngineFactories = Canonical(
        ("sqlalchemy.create_engine", "create_engine"),
        ("sqlalchemy.engine.create_engine", "create_engine"),
        ("sqlmodel.create_engine", "create_engine"),
        ("sqlalchemy.ext.asyncio.create_async_engine", "create_async_engine"));

    /// <summary>structlog's processor that renders each event as one JSON line.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonRenderers = Canonical(
        ("structlog.processors.JSONRenderer", "structlog.processors.JSONRenderer"));

    /// <summary>Decorator methods that declare a route, e.g. <c>@app.get("/x")</c>.</summary>
    public static readonly IReadOnlySet<string> RouteDecorators = new HashSet<string>(StringComparer.Ordinal)
    {
        "get", "post", "put", "delete", "patch", "head", "options", "trace", "api_route", "route", "websocket", "websocket_route",
    };

    /// <summary>Decorator methods whose name is the HTTP method.</summary>
    public static readonly IReadOnlySet<string> HttpMethodDecorators = new HashSet<string>(StringComparer.Ordinal)
    {
        "get", "post", "put", "delete", "patch", "head", "options", "trace",
    };

    /// <summary>The canonical name of the first candidate found in the table, or null.</summary>
    public static string? Match(IReadOnlyDictionary<string, string> table, IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (table.TryGetValue(candidate, out var canonical))
            {
                return canonical;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Canonical(params (string Name, string Canonical)[] pairs)
    {
        var table = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (name, canonical) in pairs)
        {
            table[name] = canonical;
        }

        return table;
    }
}
