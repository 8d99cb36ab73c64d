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
            => new RawEnvRead(index, EnvReadKind.Subscript, null, subscript.Line),
        CallExpression call when names.Match(PythonKnownNames.EnvFunctions, call.Function) is { } function && call.Argument(0, "key") is { } key
            => new RawEnvRead(key, function == "setdefault" ? EnvReadKind.SetDefault : EnvReadKind.Get, call.Argument(1, "default"), call.Line),
        _ => null,
    };

    /// <summary>A read whose name is a literal, as the app's env variable.</summary>
    public static EnvRead? Recognize(PythonExpression node, PythonNameLookup names) => Literal(RecognizeAny(node, names));

    public static EnvRead? Literal(RawEnvRead? raw) =>
        raw is not null && PythonExpressions.StringValue(raw.Key) is { } name
            ? new EnvRead(name, raw.Kind, raw.Required, raw.Kind == EnvReadKind.Subscript ? null : PythonExpressions.LiteralText(raw.Default), raw.Line)
            : null;
}

/// <summary>A read of the environment before its key is known to be a literal: Default is the expression given as the fallback (setdefault's value).</summary>
internal sealed record RawEnvRead(PythonExpression Key, EnvReadKind Kind, PythonExpression? Default, int Line)
{
    /// <summary>os.environ["X"] fails without the variable; get, getenv and setdefault never do.</summary>
    public bool Required => Kind == EnvReadKind.Subscript;
}
