namespace Berth.Linting.Labels;

/// <summary>The formats a label schema (hadolint's <c>label-schema</c>) can ask of a label's value.</summary>
public enum LabelFormat
{
    /// <summary>Any non-empty text.</summary>
    Text,

    /// <summary>An absolute URI (scheme:rest).</summary>
    Url,

    /// <summary>An email address (addr-spec).</summary>
    Email,

    /// <summary>An RFC 3339 date-time.</summary>
    Rfc3339,

    /// <summary>A semantic version (semver.org 2.0.0).</summary>
    Semver,

    /// <summary>A git commit hash.</summary>
    Hash,

    /// <summary>An SPDX license identifier or expression.</summary>
    Spdx,
}

public static class LabelFormats
{
    /// <summary>The format a schema names (hadolint's spellings), or null when the name is unknown.</summary>
    public static LabelFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "text" => LabelFormat.Text,
        "url" => LabelFormat.Url,
        "email" => LabelFormat.Email,
        "rfc3339" => LabelFormat.Rfc3339,
        "semver" => LabelFormat.Semver,
        "hash" => LabelFormat.Hash,
        "spdx" => LabelFormat.Spdx,
        _ => null,
    };

    public static string Name(LabelFormat format) => format.ToString().ToLowerInvariant();
}
