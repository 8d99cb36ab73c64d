namespace Berth.Apps.Python.Source;

/// <summary>
/// <c>os.environ["X"]</c>, <c>os.environ.get("X", d)</c>, <c>os.getenv("X", d)</c>, <c>os.environ.setdefault("X", v)</c>,
/// under any import spelling (<c>from os import environ, getenv</c>, <c>import os as o</c>). The name must be a literal.
/// </summary>
internal static class EnvReadRecognizer
{
    public static EnvRead? Recognize(PythonExpression node, PythonNameLookup names)
    {
        switch (node)
        {
            case SubscriptExpression { Index: [var index] } subscript
                when PythonExpressions.StringValue(index) is { } name && names.Refers(subscript.Target, PythonKnownNames.Environ):
                return new EnvRead(name, EnvReadKind.Subscript, true, null, subscript.Line);
            case CallExpression call
                when names.Match(PythonKnownNames.EnvFunctions, call.Function) is { } function
                    && PythonExpressions.StringValue(call.Argument(0, "key")) is { } name:
                var kind = function == "setdefault" ? EnvReadKind.SetDefault : EnvReadKind.Get;
                var fallback = PythonExpressions.LiteralText(call.Argument(1, "default"));
                return new EnvRead(name, kind, false, fallback, call.Line);
            default:
                return null;
        }
    }
}
