namespace Berth.Apps.Python.Source;

/// <summary>
/// The module-level Django settings that decide how static and media files are handled: <c>STATIC_ROOT</c>, <c>STATIC_URL</c> and
/// <c>MEDIA_ROOT</c> (literal paths in the forms <see cref="LiteralPath"/> reads), and the <c>MIDDLEWARE</c> statements
/// (<c>MIDDLEWARE = [...]</c>, <c>+=</c>, <c>.insert</c>, <c>.append</c>) that name WhiteNoise's middleware, which serves
/// <c>STATIC_ROOT</c> from the app itself.
/// </summary>
internal sealed class DjangoSettingCollector(PythonNameLookup names)
{
    public const string StaticRoot = "STATIC_ROOT";
    public const string StaticUrl = "STATIC_URL";
    public const string MediaRoot = "MEDIA_ROOT";
    public const string Middleware = "MIDDLEWARE";
    public const string StaticFilesStorage = "STATICFILES_STORAGE";
    public const string Storages = "STORAGES";
    public const string WhiteNoiseApplication = "whitenoise.WhiteNoise";
    private const string WhiteNoisePrefix = "whitenoise.middleware.";
    private const string WhiteNoiseStoragePrefix = "whitenoise.storage.";
    private static readonly string[] WhiteNoiseClasses = ["whitenoise.WhiteNoise", "whitenoise.base.WhiteNoise", "whitenoise.django.DjangoWhiteNoise"];

    private readonly LiteralPath _paths = new(names);
    private readonly List<DjangoSettingLine> _lines = [];

    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        foreach (var target in targets)
        {
            if (target is StaticRoot or MediaRoot)
                _lines.Add(value is ConstantExpression { Name: "None" } ? new DjangoSettingLine(target, null, line, IsNone: true)
                    : _paths.Of(value) is { } path ? new DjangoSettingLine(target, path, line)
                    : EnvDefaultPath(value) is { } fallback ? new DjangoSettingLine(target, fallback.Path, line, Variable: fallback.Variable)
                    : new DjangoSettingLine(target, null, line));
            else if (target is StaticUrl)
                _lines.Add(new DjangoSettingLine(target, PythonExpressions.StringValue(value), line));
        }
    }

    /// <summary>A module-level statement that starts with <c>MIDDLEWARE</c>: records WhiteNoise's middleware when it names it.</summary>
    public void AddMiddlewareStatement(IEnumerable<PythonExpression> expressions, int line)
    {
        var whiteNoise = expressions.SelectMany(PythonExpressions.Descendants)
            .Select(PythonExpressions.StringValue)
            .FirstOrDefault(s => s is not null && s.StartsWith(WhiteNoisePrefix, StringComparison.Ordinal));
        if (whiteNoise is not null)
            _lines.Add(new DjangoSettingLine(Middleware, whiteNoise, line));
    }

    /// <summary>
    /// A module-level statement that starts with <c>STATICFILES_STORAGE</c> or <c>STORAGES</c>: records WhiteNoise's storage when any
    /// string in it names one (a literal, a dict's BACKEND, or the default of an env read).
    /// </summary>
    public void AddStorageStatement(IEnumerable<PythonExpression> expressions, int line)
    {
        var storage = expressions.SelectMany(PythonExpressions.Descendants)
            .Select(PythonExpressions.StringValue)
            .FirstOrDefault(s => s is not null && s.StartsWith(WhiteNoiseStoragePrefix, StringComparison.Ordinal));
        if (storage is not null)
            _lines.Add(new DjangoSettingLine(StaticFilesStorage, storage, line));
    }

    /// <summary>A module-level call: <c>WhiteNoise(get_wsgi_application(), root=...)</c> wraps the WSGI application so the app serves static files.</summary>
    public void AddCall(CallExpression call)
    {
        if (names.Qualify(call.Function) is { } qualified && WhiteNoiseClasses.Contains(qualified, StringComparer.Ordinal))
            _lines.Add(new DjangoSettingLine(WhiteNoiseApplication, qualified, call.Line));
    }

    /// <summary>
    /// <c>os.environ.get("X", path)</c>, <c>os.getenv("X", path)</c>, <c>env("X", default=path)</c>, <c>env.str("X", default=path)</c>:
    /// the variable and its literal default path, which is where the setting points unless the variable is set.
    /// </summary>
    private (string Variable, string Path)? EnvDefaultPath(PythonExpression value)
    {
        if (value is not CallExpression call || PythonExpressions.StringValue(call.Positional(0)) is not { } variable)
            return null;
        var fallback = call.Keyword("default") ?? (names.Qualify(call.Function) is "os.environ.get" or "os.getenv" ? call.Positional(1) : null);
        return _paths.Of(fallback) is { } path ? (variable, path) : null;
    }

    public IReadOnlyList<DjangoSettingLine> Build() => _lines.OrderBy(l => l.Line).ToList();
}
