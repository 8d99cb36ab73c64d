namespace Berth.Apps.Python.Source;

// Contract between the Python source reader (PythonModuleReader) and the service detector.
// Lines are 1-based. Strings are the literal values as written in the source (quotes removed).

/// <summary>Everything Berth reads out of one .py file.</summary>
public sealed record PythonModuleFacts(
    string File,
    IReadOnlyList<PythonImport> Imports,
    IReadOnlyList<AppInstance> Apps,
    IReadOnlyList<AppFactory> Factories,
    IReadOnlyList<RouterInstance> Routers,
    IReadOnlyList<RouterInclusion> Inclusions,
    IReadOnlyList<RouteDeclaration> Routes,
    IReadOnlyList<EnvRead> EnvReads,
    IReadOnlyList<SettingsClass> SettingsClasses,
    IReadOnlyList<ServerCall> ServerCalls,
    IReadOnlyList<StringAssignment> ModuleStrings,
    IReadOnlyList<JsonLoggingClue> JsonLogging,
    bool HasMainGuard)
{
    /// <summary>Module-level <c>app = create_app()</c> / <c>app = get_application()</c> calls to a function defined elsewhere: the detector turns those that call an app factory into app objects.</summary>
    public IReadOnlyList<AppFromCall> AppCalls { get; init; } = [];

    /// <summary>
    /// Classes that are not settings classes within this file but derive from a name that may be one elsewhere (<c>class
    /// AppSettings(BaseAppSettings)</c> with the base imported from another module): <see cref="InheritedSettings"/> promotes them.
    /// </summary>
    public IReadOnlyList<DerivedClass> DerivedClasses { get; init; } = [];

    /// <summary>Paths the code writes (folders it creates, log files, SQLite databases, upload folders), literal paths only.</summary>
    public IReadOnlyList<WritePath> Writes { get; init; } = [];

    /// <summary>Names this file binds to paths (<see cref="PathConstant"/>), in line order.</summary>
    public IReadOnlyList<PathConstant> PathConstants { get; init; } = [];

    /// <summary>Module-level Django settings about static and media files (<see cref="DjangoSettingLine"/>), in line order.</summary>
    public IReadOnlyList<DjangoSettingLine> DjangoSettings { get; init; } = [];

    /// <summary>Enum classes with their literal members (<c>class AppEnvTypes(Enum): prod = "prod"</c>).</summary>
    public IReadOnlyList<EnumClass> Enums { get; init; } = [];

    /// <summary>Module-level dicts from literals or Enum members to names or strings: candidate tables of configurations.</summary>
    public IReadOnlyList<ChoiceTable> ChoiceTables { get; init; } = [];

    /// <summary><c>os.getenv("X") or "literal"</c>: reads whose fallback is a literal (Default holds it).</summary>
    public IReadOnlyList<EnvRead> FallbackReads { get; init; } = [];

    /// <summary><c>X == "literal"</c> where X is an env read or a variable holding one.</summary>
    public IReadOnlyList<EnvComparison> EnvComparisons { get; init; } = [];

    /// <summary>Folders the app serves files from (StaticFiles mounts, Flask static/template folders, Django STATICFILES_DIRS).</summary>
    public IReadOnlyList<ServedFolderClue> ServedFolders { get; init; } = [];

    /// <summary>Module-level names that hold a path with a literal part, for served folders named from another module.</summary>
    public IReadOnlyList<NamedPath> NamedPaths { get; init; } = [];

    /// <summary>Calls that load a .env file into the environment at start-up (<c>environ.Env.read_env()</c>).</summary>
    public IReadOnlyList<EnvFileRead> EnvFileReads { get; init; } = [];
}

/// <summary>An Enum class and its members whose values are literals.</summary>
public sealed record EnumClass(string Name, IReadOnlyList<EnumMember> Members, int Line);

public sealed record EnumMember(string Name, string Value);

/// <summary>A module-level dict <c>Variable = {key: target, ...}</c>: targets are dotted names (classes) or strings.</summary>
public sealed record ChoiceTable(string Variable, IReadOnlyList<ChoiceEntry> Entries, int Line);

/// <summary>One entry: Key is the literal, or the member name when KeyEnum names the Enum class (<c>AppEnvTypes.prod</c>).</summary>
public sealed record ChoiceEntry(string Key, string? KeyEnum, string Target);

/// <summary>An env variable compared with a literal; Default is the read's default or <c>or</c> fallback.</summary>
public sealed record EnvComparison(string Variable, string Value, string? Default, int Line);

/// <summary>
/// A module-level Django setting: <c>STATIC_ROOT</c> / <c>MEDIA_ROOT</c> with the literal path (null when it is <c>None</c> or not a
/// literal), <c>STATIC_URL</c> with its literal, or <c>MIDDLEWARE</c> with the WhiteNoise middleware the statement names.
/// IsNone says the value is <c>None</c> (the setting unset) rather than an expression Berth cannot read. Also
/// <c>STATICFILES_STORAGE</c> with the WhiteNoise storage a <c>STATICFILES_STORAGE</c> or <c>STORAGES</c> statement names, and
/// <see cref="DjangoSettingCollector.WhiteNoiseApplication"/> for a module-level <c>WhiteNoise(get_wsgi_application(), ...)</c>.
/// Variable names the environment variable a path comes from when the value is that variable's default
/// (<c>env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))</c>).
/// </summary>
public sealed record DjangoSettingLine(string Name, string? Value, int Line, bool IsNone = false, string? Variable = null);

/// <summary>
/// A path written by the code at <see cref="Line"/>: relative to <see cref="Base"/> (the working folder unless said otherwise),
/// or absolute.
/// </summary>
public sealed record WritePath(string Path, string Reason, int Line)
{
    public PathBase Base { get; init; } = PathBase.WorkingFolder;
}

/// <summary>
/// A name bound to a path at module level (<c>LOG_DIR = BASE_PATH / "log"</c>) or as a class attribute (Flask config classes:
/// <c>MEDIA_FOLDER = f"{os.getenv('APP_FOLDER')}/project/media"</c>, Class "Config"), for other modules' writes to resolve.
/// </summary>
public sealed record PathConstant(string Name, string? Class, PathValue Value, int Line);

/// <summary><c>import a.b as c</c> → Module "a.b", Names [], Alias "c"; <c>from a import b, c as d</c> → Module "a", Names ["b","c"], aliases mapped.</summary>
public sealed record PythonImport(string Module, IReadOnlyList<ImportedName> Names, string? Alias, int Line);

public sealed record ImportedName(string Name, string? Alias);

/// <summary><c>app = FastAPI(...)</c> at module level. Constructor is the fully qualified name when the import resolves it ("fastapi.FastAPI"), else as written.</summary>
public sealed record AppInstance(string Variable, string Constructor, int Line);

/// <summary>
/// <c>app = create_app(...)</c> at module level, where the function is not known in this file to build an app. Callees are the
/// qualified names the written function could mean ("app.create_app" for <c>from app import create_app</c>), most likely first.
/// </summary>
public sealed record AppFromCall(string Variable, IReadOnlyList<string> Callees, int Line);

/// <summary>A function that builds and returns a framework app (<c>def create_app(): app = Flask(__name__) ... return app</c>).</summary>
public sealed record AppFactory(string Function, string Constructor, int Line);

/// <summary><c>router = APIRouter(prefix="/api")</c> (FastAPI) or <c>bp = Blueprint("x", __name__, url_prefix="/x")</c> (Flask).</summary>
public sealed record RouterInstance(string Variable, string Constructor, string? Prefix, int Line);

/// <summary><c>app.include_router(health.router, prefix="/v1")</c> / <c>app.register_blueprint(bp, url_prefix=...)</c> / <c>app.mount("/x", sub)</c>. RouterExpression is the dotted expression as written ("health.router").</summary>
public sealed record RouterInclusion(string Target, string RouterExpression, string? Prefix, int Line)
{
    /// <summary>The prefix written as a name rather than a literal (<c>prefix=settings.API_V1_STR</c> → "settings.API_V1_STR"), for the detector to resolve.</summary>
    public string? PrefixReference { get; init; }
}

/// <summary>
/// One route. Target is the app/router variable ("app", "router", "bp"), or null for Starlette <c>Route(...)</c> lists / Django <c>path()</c>.
/// Declaration is how it was declared: "get", "post", "head", "api_route", "route", "add_api_route", "Route", "path", "re_path", "websocket".
/// Methods are the methods written explicitly (upper case), empty when the declaration states none (Flask <c>@app.route</c> without methods).
/// </summary>
public sealed record RouteDeclaration(string? Target, string Path, IReadOnlyList<string> Methods, string Declaration, string? Function, int Line);

public enum EnvReadKind
{
    /// <summary><c>os.environ["X"]</c></summary>
    Subscript,
    /// <summary><c>os.environ.get("X")</c> / <c>os.getenv("X")</c> with or without default</summary>
    Get,
    /// <summary><c>os.environ.setdefault("X", v)</c></summary>
    SetDefault,
}

/// <summary>Required is true for <c>os.environ["X"]</c>; Default is the literal default when it is a literal.</summary>
public sealed record EnvRead(string Name, EnvReadKind Kind, bool Required, string? Default, int Line);

/// <summary>A pydantic <c>BaseSettings</c> subclass (pydantic v1 <c>pydantic.BaseSettings</c> or v2 <c>pydantic_settings.BaseSettings</c>).</summary>
/// <summary>A class with its bases as written (<c>BaseAppSettings</c>, <c>base.BaseAppSettings</c>), its own fields and its own settings config.</summary>
public sealed record DerivedClass(string Name, IReadOnlyList<string> Bases, string? EnvPrefix, bool? CaseSensitive, string? EnvFile, IReadOnlyList<SettingsField> Fields, int Line);

public sealed record SettingsClass(string Name, string? EnvPrefix, bool CaseSensitive, string? EnvFile, IReadOnlyList<SettingsField> Fields, int Line);

/// <summary>A field: Alias is the env name given by <c>Field(env="X")</c> (v1) or <c>validation_alias</c>/<c>alias</c> (v2).</summary>
public sealed record SettingsField(string Name, string? Alias, string? Annotation, bool HasDefault, string? Default, int Line)
{
    /// <summary>The default written as a dotted name (<c>AppEnvTypes.prod</c>), for an Enum member to be resolved to its value.</summary>
    public string? DefaultMember { get; init; }

    /// <summary>The module the field is declared in, when the class holding it inherited it from another module.</summary>
    public string? File { get; init; }
}

/// <summary>
/// A call that starts a server in code: <c>uvicorn.run("app.main:app", host=..., port=...)</c>, <c>app.run(port=...)</c> (Flask),
/// <c>web.run_app(...)</c>. Port is the literal; PortEnvVar names the env var when the port comes from <c>int(os.getenv("PORT", "8000"))</c>
/// (then Port holds the default when it is a literal).
/// </summary>
public sealed record ServerCall(string Server, string? AppReference, string? Host, int? Port, string? PortEnvVar, bool InMainGuard, int Line);

/// <summary>Top-level <c>NAME = "literal"</c> (Django's WSGI_APPLICATION, ASGI_APPLICATION, ROOT_URLCONF...).</summary>
public sealed record StringAssignment(string Name, string Value, int Line);

/// <summary>How a piece of code makes log lines JSON (see <see cref="JsonLoggingClue"/>).</summary>
public enum JsonLoggingKind
{
    /// <summary><c>class X(logging.Formatter)</c> (directly or through classes in the same file) whose body calls <c>json.dumps</c>. Name is the class.</summary>
    DumpsFormatterClass,
    /// <summary><c>class X(jsonlogger.JsonFormatter)</c>: a python-json-logger formatter subclassed. Name is the class.</summary>
    LibraryFormatterSubclass,
    /// <summary><c>jsonlogger.JsonFormatter(...)</c>: a python-json-logger formatter built. Name is the formatter's qualified name.</summary>
    LibraryFormatterCall,
    /// <summary><c>structlog.processors.JSONRenderer()</c>. Name is the renderer's qualified name.</summary>
    StructlogJsonRenderer,
    /// <summary><c>logger.add(..., serialize=True)</c> or <c>logger.configure(handlers=[{..., "serialize": True}])</c> on loguru's logger. Name is the method.</summary>
    LoguruSerialize,
    /// <summary>A logging config dict whose <c>"()"</c> or <c>"class"</c> names a python-json-logger formatter. Name is that formatter.</summary>
    ConfigFormatter,
}

/// <summary>One sign that the code configures JSON log lines.</summary>
public sealed record JsonLoggingClue(JsonLoggingKind Kind, string Name, int Line);
