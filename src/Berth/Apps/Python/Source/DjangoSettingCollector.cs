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
    private const string WhiteNoisePrefix = "whitenoise.middleware.";

    private readonly LiteralPath _paths = new(names);
    private readonly List<DjangoSettingLine> _lines = [];

    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        foreach (var target in targets)
        {
            if (target is StaticRoot or MediaRoot)
                _lines.Add(value is ConstantExpression { Name: "None" } ? new DjangoSettingLine(target, null, line, IsNone: true) : new DjangoSettingLine(target, _paths.Of(value), line));
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

    public IReadOnlyList<DjangoSettingLine> Build() => _lines.OrderBy(l => l.Line).ToList();
}
