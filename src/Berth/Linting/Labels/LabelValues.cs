using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Linting.Labels;

/// <summary>Pure checks of a label value against the formats a label schema names. Each takes the value as the image will carry it.</summary>
public static partial class LabelValues
{
    public static bool IsValid(LabelFormat format, string value) => format switch
    {
        LabelFormat.Text => true,
        LabelFormat.Url => IsUrl(value),
        LabelFormat.Email => IsEmail(value),
        LabelFormat.Rfc3339 => IsRfc3339(value),
        LabelFormat.Semver => IsSemver(value),
        LabelFormat.Hash => IsGitHash(value),
        LabelFormat.Spdx => SpdxExpression.IsValid(value),
        _ => true,
    };

    /// <summary>An absolute URI (RFC 3986): a scheme, then only URI characters and well-formed %XX escapes; http(s)/ftp need a host.</summary>
    public static bool IsUrl(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]) || !value[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            return false;
        var rest = value[(colon + 1)..];
        if (rest.Length == 0)
            return false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '%')
            {
                if (i + 2 >= rest.Length || !char.IsAsciiHexDigit(rest[i + 1]) || !char.IsAsciiHexDigit(rest[i + 2]))
                    return false;
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && "-._~:/?#[]@!$&'()*+,;=".IndexOf(c, StringComparison.Ordinal) < 0)
                return false;
        }
        var scheme = value[..colon].ToLowerInvariant();
        if (scheme is "http" or "https" or "ftp")
            return rest.StartsWith("//", StringComparison.Ordinal) && rest.Length > 2 && rest[2] is not ('/' or '?' or '#');
        return true;
    }

    /// <summary>An RFC 5322 addr-spec: a dot-atom or quoted local part, @, and a domain of letter/digit/hyphen labels or a [literal].</summary>
    public static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 1 || at == value.Length - 1 || value.Length > 254)
            return false;
        var local = value[..at];
        var domain = value[(at + 1)..];
        var localOk = local.Length >= 2 && local[0] == '"' && local[^1] == '"'
            ? local[1..^1].All(c => c >= ' ' && c <= '~' && c != '"' && c != '\\')
            : DotAtom(local, c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-".IndexOf(c, StringComparison.Ordinal) >= 0);
        var domainOk = domain.Length >= 2 && domain[0] == '[' && domain[^1] == ']'
            ? domain[1..^1].Length > 0 && domain[1..^1].All(c => c > ' ' && c <= '~' && c is not ('[' or ']' or '\\'))
            : domain.Split('.').All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        return localOk && domainOk;
    }

    private static bool DotAtom(string text, Func<char, bool> atext) =>
        text.Length > 0 && text.Split('.').All(part => part.Length > 0 && part.All(atext));

    /// <summary>An RFC 3339 date-time: <c>2024-05-01T12:30:00Z</c>, fractions and ±hh:mm offsets allowed, every field in range.</summary>
    public static bool IsRfc3339(string value)
    {
        var match = Rfc3339Pattern().Match(value);
        if (!match.Success)
            return false;
        int Field(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var year = Field("year");
        var month = Field("month");
        if (year < 1 || month is < 1 or > 12 || Field("day") < 1 || Field("day") > DateTime.DaysInMonth(year, month))
            return false;
        if (Field("hour") > 23 || Field("minute") > 59 || Field("second") > 60)
            return false;
        return !match.Groups["offset"].Success || (Field("offsetHour") <= 23 && Field("offsetMinute") <= 59);
    }

    /// <summary>A semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH, optional -pre.release and +build; no leading v, no leading zeros.</summary>
    public static bool IsSemver(string value) => SemverPattern().IsMatch(value);

    /// <summary>A git commit hash: 7 to 40 hex digits (an abbreviated or full SHA-1), or 64 (a SHA-256 repository).</summary>
    public static bool IsGitHash(string value) => value.Length is (>= 7 and <= 40) or 64 && value.All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.[0-9]+)?([Zz]|(?<offset>[+-](?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2})))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339Pattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-((0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+([0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemverPattern();
}
