namespace Berth.Apps.Python.Source;

/// <summary>
/// A path written with literals: <c>"logs"</c>, <c>os.path.join(BASE_DIR, "media")</c>, <c>BASE_DIR / "media"</c>,
/// <c>str(BASE_DIR / "staticfiles")</c>. The literal tail is the path, relative to the app folder (the base a name holds is taken
/// to be the app folder, as <c>BASE_DIR</c> is in Django projects); null when any part after the base is not a literal.
/// </summary>
internal sealed class LiteralPath(PythonNameLookup names)
{
    public string? Of(PythonExpression? expression) => expression switch
    {
        StringExpression { IsLiteral: true } literal when literal.Value.Length > 0 => literal.Value,
        CallExpression join when names.Qualify(join.Function) is "os.path.join" && join.Arguments.Count > 1
            && join.Arguments.Skip(1).All(a => PythonExpressions.StringValue(a.Value) is not null) =>
            string.Join('/', join.Arguments.Skip(1).Select(a => PythonExpressions.StringValue(a.Value))),
        CompoundExpression { Operators: var operators, Parts: var parts } when operators.All(o => o == "/") && parts.Count > 1
            && parts.Skip(1).All(p => PythonExpressions.StringValue(p) is not null) =>
            string.Join('/', parts.Skip(1).Select(PythonExpressions.StringValue)),
        CallExpression path when IsPathWrapper(path.Function) && path.Arguments.Count == 1 => Of(path.Positional(0)),
        _ => null,
    };

    // str(...) stays the builtin when a star import (from .base import *) makes every bare name look imported
    private bool IsPathWrapper(PythonExpression function) =>
        function is NameExpression { Name: "str" } || names.Qualify(function) is "str" or "pathlib.Path";
}
