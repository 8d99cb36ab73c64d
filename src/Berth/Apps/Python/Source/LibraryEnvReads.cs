namespace Berth.Apps.Python.Source;

/// <summary>
/// Variables read through the configuration libraries Django projects use, which name the variable by convention or by argument:
/// <c>dj_database_url.config(default=...)</c> (DATABASE_URL, or <c>env=</c>), and django-environ's <c>env = environ.Env(DEBUG=(bool, False))</c>
/// then <c>env("X")</c>, <c>env.bool/int/float/str/list/tuple/dict/json/url/path("X", ...)</c>, <c>env.db()</c> / <c>env.db_url("X")</c>
/// (DATABASE_URL unless named), <c>env.cache()</c> (CACHE_URL), <c>env.email()</c> (EMAIL_URL), <c>env.search_url()</c> (SEARCH_URL).
/// A read without a default (in the call or in the <c>Env(...)</c> scheme) is required: django-environ raises ImproperlyConfigured.
/// <c>environ.Env.read_env()</c> is recorded as a read of a .env file.
/// </summary>
internal sealed class LibraryEnvReads(PythonNameLookup names)
{
    private static readonly string[] EnvClasses = ["environ.Env", "environ.FileAwareEnv", "environ.environ.Env"];

    /// <summary>Typed getters: the index of their default argument (list, tuple and dict take a cast first).</summary>
    private static readonly Dictionary<string, int> Getters = new(StringComparer.Ordinal)
    {
        ["str"] = 1, ["bool"] = 1, ["int"] = 1, ["float"] = 1, ["json"] = 1, ["url"] = 1, ["path"] = 1, ["bytes"] = 1,
        ["list"] = 2, ["tuple"] = 2, ["dict"] = 2,
    };

    /// <summary>URL getters and the variable each reads when no name is given.</summary>
    private static readonly Dictionary<string, string> UrlGetters = new(StringComparer.Ordinal)
    {
        ["db"] = "DATABASE_URL", ["db_url"] = "DATABASE_URL", ["database_url"] = "DATABASE_URL",
        ["cache"] = "CACHE_URL", ["cache_url"] = "CACHE_URL",
        ["email"] = "EMAIL_URL", ["email_url"] = "EMAIL_URL",
        ["search_url"] = "SEARCH_URL",
    };

    private readonly Dictionary<string, Dictionary<string, string?>> _instances = new(StringComparer.Ordinal);
    private readonly List<EnvFileRead> _envFiles = [];

    public IReadOnlyList<EnvFileRead> EnvFiles => _envFiles;

    /// <summary>A top-level <c>NAME = environ.Env(...)</c>: NAME reads the environment from here on, with the scheme's defaults.</summary>
    public void Assigned(string? target, PythonExpression value)
    {
        if (target is null || value is not CallExpression call || !IsEnvClass(call.Function))
            return;
        var scheme = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var argument in call.Arguments.Where(a => a.Keyword is not null))
        {
            // DEBUG=(bool, False): a default; DEBUG=bool: a cast only
            if (argument.Value is SequenceExpression { Items: [_, var fallback] })
                scheme[argument.Keyword!] = PythonExpressions.LiteralText(fallback) ?? "";
        }
        _instances[target] = scheme;
    }

    public EnvRead? Visit(PythonExpression node)
    {
        if (node is not CallExpression call)
            return null;
        var qualified = names.Qualify(call.Function);
        if (qualified == "dj_database_url.config")
        {
            // env=dj_database_url.DEFAULT_ENV is DATABASE_URL; a name held in a variable is not followed
            var named = call.Keyword("env");
            var variable = named is null || names.Qualify(named) == "dj_database_url.DEFAULT_ENV" ? "DATABASE_URL" : PythonExpressions.StringValue(named);
            return variable is null ? null : Read(variable, call.Keyword("default"), call.Line);
        }
        if (qualified is "environ.Env.read_env" or "environ.FileAwareEnv.read_env")
        {
            _envFiles.Add(new EnvFileRead(qualified + "()", call.Line));
            return null;
        }
        switch (call.Function)
        {
            case NameExpression instance when Instance(instance) is { } scheme:
                return Named(call, scheme, call.Argument(2, "default"));
            case AttributeExpression { Target: NameExpression instance, Attribute: var method } when Instance(instance) is { } scheme:
                if (method == "read_env")
                {
                    _envFiles.Add(new EnvFileRead($"{instance.Name}.read_env()", call.Line));
                    return null;
                }
                if (Getters.TryGetValue(method, out var defaultIndex))
                    return Named(call, scheme, call.Argument(defaultIndex, "default"));
                if (UrlGetters.TryGetValue(method, out var conventional))
                {
                    var name = call.Argument(0, "var") is { } given ? PythonExpressions.StringValue(given) : conventional;
                    return name is null ? null : Read(name, call.Argument(1, "default"), call.Line, scheme);
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The Env instance a name refers to: one built in this module, or <c>env</c> imported from the settings module that built it (<c>from .base import env</c>).</summary>
    private Dictionary<string, string?>? Instance(NameExpression name)
    {
        if (_instances.TryGetValue(name.Name, out var scheme))
            return scheme;
        return name.Name == "env" && names.Qualify(name) is { } qualified && qualified.EndsWith(".env", StringComparison.Ordinal) && !qualified.StartsWith("os.", StringComparison.Ordinal)
            ? new Dictionary<string, string?>(StringComparer.Ordinal)
            : null;
    }

    private static EnvRead? Named(CallExpression call, Dictionary<string, string?> scheme, PythonExpression? fallback) =>
        PythonExpressions.StringValue(call.Argument(0, "var")) is { } name ? Read(name, fallback, call.Line, scheme) : null;

    private static EnvRead Read(string name, PythonExpression? fallback, int line, Dictionary<string, string?>? scheme = null)
    {
        var hasDefault = fallback is not null && fallback is not ConstantExpression { Name: "NOTSET" } || scheme?.ContainsKey(name) == true;
        var text = fallback is null ? scheme?.GetValueOrDefault(name) : PythonExpressions.LiteralText(fallback);
        return new EnvRead(name, EnvReadKind.Get, !hasDefault, text is "" ? null : text, line);
    }

    private bool IsEnvClass(PythonExpression function) => names.Qualify(function) is { } q && EnvClasses.Contains(q, StringComparer.Ordinal);
}

/// <summary>A call that loads a .env file into the environment at start-up (<c>environ.Env.read_env()</c>).</summary>
public sealed record EnvFileRead(string Call, int Line);
