namespace Berth.Apps.Python.Source;

/// <summary>
/// <c>os.environ["X"]</c>, <c>os.environ.get("X", d)</c>, <c>os.getenv("X", d)</c>, <c>os.environ.setdefault("X", v)</c>,
/// under any import spelling (<c>from os import environ, getenv</c>, <c>import os as o</c>). The name must be a literal.
/// </summary>
internal static class EnvReadRecognizer
{
    /// <summary>Any read of the environment, whatever its key: the literal or the expression that gives the name.</summary>
    public static RawEnvRead? RecognizeAny(PythonExpression node, PythonNameLookup names) => node switch
    {
        SubscriptExpression { Index: [var index] } subscript when names.Refers(subscript.Target, PythonKnownNames.Environ)
            => new RawEnvRead(index, true, null),
        CallExpression call when names.Match(PythonKnownNames.EnvFunctions, call.Function) is { } function && call.Argument(0, "key") is { } key
            => new RawEnvRead(key, false, function == "setdefault" ? null : call.Argument(1, "default")),
        _ => null,
    };

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

/// <summary>A read of the environment before its key is known to be a literal: Default is the expression given as the fallback.</summary>
internal sealed record RawEnvRead(PythonExpression Key, bool Required, PythonExpression? Default);
