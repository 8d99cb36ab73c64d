using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary>A PEP 508 requirement as written, before it is tied to a file and line.</summary>
internal sealed record Pep508Requirement(string RawName, IReadOnlyList<string> Extras, string? Specifier, string? Marker, string? Url)
{
    public PythonRequirement At(string file, int line) =>
        new(PythonPackageName.Normalize(RawName), RawName, Specifier, Extras, Marker, file, line) { Url = Url };
}

/// <summary>
/// Parses PEP 508 dependency specifications: <c>name [extras] (specifier | @ url) ; marker</c>.
/// Throws <see cref="FormatException"/> with a short reason when the text is not a requirement.
/// </summary>
internal static partial class Pep508Parser
{
    public static Pep508Requirement Parse(string text)
    {
        var rest = text.Trim();
        var nameMatch = Name().Match(rest);
        if (!nameMatch.Success)
            throw new FormatException("a requirement starts with a package name");
        var rawName = nameMatch.Value;
        rest = rest[rawName.Length..].TrimStart();

        IReadOnlyList<string> extras = [];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                throw new FormatException("extras are missing their closing ']'");
            extras = ParseExtras(rest[1..close]);
            rest = rest[(close + 1)..].TrimStart();
        }

        if (rest.StartsWith('@'))
        {
            rest = rest[1..].TrimStart();
            var markerStart = UrlMarkerSeparator().Match(rest);
            var url = markerStart.Success ? rest[..markerStart.Index] : rest.TrimEnd();
            if (url.Length == 0)
                throw new FormatException("'@' must be followed by a URL");
            var marker = markerStart.Success ? ParseMarker(rest[(markerStart.Index + markerStart.Length)..]) : null;
            return new Pep508Requirement(rawName, extras, null, marker, url);
        }

        string? markerText = null;
        var semicolon = rest.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            markerText = ParseMarker(rest[(semicolon + 1)..]);
            rest = rest[..semicolon];
        }

        return new Pep508Requirement(rawName, extras, ParseSpecifier(rest.Trim()), markerText, null);
    }

    public static bool IsValidName(string name) => Name().Match(name) is { Success: true } m && m.Length == name.Length;

    private static IReadOnlyList<string> ParseExtras(string text)
    {
        var extras = new List<string>();
        foreach (var part in text.Split(','))
        {
            var extra = part.Trim();
            if (extra.Length == 0)
                continue;
            if (!IsValidName(extra))
                throw new FormatException($"'{extra}' is not a valid extra name");
            extras.Add(extra);
        }

        return extras;
    }

    private static string? ParseSpecifier(string text)
    {
        if (text.StartsWith('(') && text.EndsWith(')'))
            text = text[1..^1].Trim();
        if (text.Length == 0)
            return null;
        var clauses = new List<string>();
        foreach (var part in text.Split(','))
        {
            var clause = Whitespace().Replace(part, "");
            if (!Clause().IsMatch(clause))
                throw new FormatException($"'{part.Trim()}' is not a version specifier (expected e.g. '>=1.2')");
            clauses.Add(clause);
        }

        return string.Join(',', clauses);
    }

    private static string ParseMarker(string text)
    {
        var marker = text.Trim();
        if (marker.Length == 0)
            throw new FormatException("';' must be followed by an environment marker");
        return marker;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(~=|===|==|!=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"\s+;")]
    private static partial Regex UrlMarkerSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
