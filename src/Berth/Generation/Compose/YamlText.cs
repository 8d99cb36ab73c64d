using System.Globalization;

namespace Berth.Generation.Compose;

/// <summary>YAML scalars written so every YAML 1.1 and 1.2 reader, and compose's variable interpolation, take them as the same string.</summary>
public static class YamlText
{
    private static readonly string[] Reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"];

    /// <summary>A value compose must not interpolate: '$' is doubled, then written as a scalar.</summary>
    public static string Literal(string value) => Scalar(value.Replace("$", "$$", StringComparison.Ordinal));

    /// <summary>A plain scalar when it cannot be read as anything but this string, else a double-quoted one.</summary>
    public static string Scalar(string value)
    {
        if (IsPlain(value))
            return value;
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Starts with a letter or '/', so it is never a number, a time (8000:8000 is base 60 in YAML 1.1), an indicator or an alias;
    // no ": " or " #" inside and no ':' at the end, so it is never a mapping or a comment.
    private static bool IsPlain(string value) =>
        value.Length > 0
        && (char.IsAsciiLetter(value[0]) || value[0] == '/')
        && !Reserved.Contains(value.ToLowerInvariant(), StringComparer.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '=' or '+' or ',' or '@' or '%' or ':' or '?' or '&' or ' ')
        && !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':') && !value.EndsWith(' ');
}
