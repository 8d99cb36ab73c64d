using System.Globalization;

namespace Berth.Apps.Python.Source;

/// <summary>
/// What a <c>port=</c>/<c>host=</c> argument amounts to: a literal, or an env var with a literal default, following
/// <c>int(...)</c>, <c>x or default</c> and simple variables a few steps back.
/// </summary>
internal static class PortExpression
{
    private const int MaxSteps = 8;

    public static (int? Port, string? EnvVar) ReadPort(PythonExpression? expression, PythonNameLookup names, Func<string, PythonExpression?> variable)
    {
        var (text, envVar) = Read(expression, names, variable, 0);
        return (ParsePort(text), envVar);
    }

    /// <summary>The literal a host argument resolves to (an env var's literal default counts).</summary>
    public static string? ReadHost(PythonExpression? expression, PythonNameLookup names, Func<string, PythonExpression?> variable) =>
        Read(expression, names, variable, 0).Literal;

    private static (string? Literal, string? EnvVar) Read(PythonExpression? expression, PythonNameLookup names, Func<string, PythonExpression?> variable, int step)
    {
        if (expression is null || step > MaxSteps)
        {
            return (null, null);
        }

        switch (expression)
        {
            case NameExpression name when variable(name.Name) is { } value && !ReferenceEquals(value, expression):
                return Read(value, names, variable, step + 1);
            case NumberExpression or StringExpression:
                return (PythonExpressions.LiteralText(expression), null);
            case CallExpression call when names.Imports.Qualify("int") == "int" && call.Function is NameExpression { Name: "int" or "str" }:
                return Read(call.Positional(0), names, variable, step + 1);
            case CompoundExpression { Operators: ["or"], Parts: [var left, var right] }:
                var first = Read(left, names, variable, step + 1);
                var second = Read(right, names, variable, step + 1);
                return (first.Literal ?? second.Literal, first.EnvVar ?? second.EnvVar);
        }

        return EnvReadRecognizer.Recognize(expression, names) is { } read ? (read.Default, read.Name) : (null, null);
    }

    private static int? ParsePort(string? text) =>
        text is not null && int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
}
