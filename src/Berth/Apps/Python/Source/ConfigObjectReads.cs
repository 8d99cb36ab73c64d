namespace Berth.Apps.Python.Source;

/// <summary>
/// Env reads through a config object: Starlette's <c>config = Config(".env")</c> then <c>config("X", cast=Secret)</c>, and
/// python-decouple's <c>config("X", default=...)</c>. Both look in the environment first (then the .env file, which the image does
/// not have); a read without <c>default=</c> raises when the variable is missing, so it is required.
/// </summary>
internal sealed class ConfigObjectReads(PythonNameLookup names)
{
    private readonly HashSet<string> _objects = new(StringComparer.Ordinal);

    /// <summary>A module-level <c>config = Config(".env")</c>: calls to <c>config</c> read the environment.</summary>
    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, PythonBlock scope)
    {
        if (scope.IsModuleLevel && value is CallExpression call && names.Match(PythonKnownNames.ConfigClasses, call.Function) is not null)
            _objects.UnionWith(targets);
    }

    public EnvRead? Recognize(PythonExpression node)
    {
        if (node is not CallExpression call)
            return null;
        var reads = call.Function is NameExpression { Name: var called } && _objects.Contains(called)
            || names.Match(PythonKnownNames.ConfigFunctions, call.Function) is not null;
        if (!reads || PythonExpressions.StringValue(call.Argument(0, "key")) is not { } name)
            return null;
        var fallback = call.Keyword("default");
        return new EnvRead(name, fallback is null ? EnvReadKind.Subscript : EnvReadKind.Get, fallback is null, PythonExpressions.LiteralText(fallback), call.Line);
    }
}
