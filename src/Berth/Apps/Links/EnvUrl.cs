using System.Globalization;

namespace Berth.Apps.Links;

/// <summary>
/// A URL written as an environment variable's default in code ("http://localhost:8000/api", "postgresql+asyncpg://db/app"): its scheme,
/// host, port and path, read without ever keeping the credentials it may carry.
/// </summary>
public sealed record EnvUrl(string Scheme, string Host, int? Port, string Path)
{
    private static readonly string[] LocalHosts = ["localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]", "host.docker.internal"];

    /// <summary>The scheme before any "+driver" suffix, lower case ("postgresql+asyncpg" → "postgresql").</summary>
    public string BaseScheme => Scheme.Split('+')[0];

    public bool IsLocal => LocalHosts.Contains(Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>The scheme of a URL ("postgresql+asyncpg"), lower case, or null when the value is not a URL.</summary>
    public static string? SchemeOf(string? value)
    {
        if (value is null)
            return null;
        var end = value.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0)
            return null;
        var scheme = value[..end];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(scheme[0]) ? scheme.ToLowerInvariant() : null;
    }

    /// <summary>The parts of a URL, or null when the value is not one.</summary>
    public static EnvUrl? Parse(string? value)
    {
        var scheme = SchemeOf(value);
        if (scheme is null)
            return null;
        var rest = value![(scheme.Length + 3)..];
        var slash = rest.IndexOfAny(['/', '?', '#']);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        int? port = null;
        var colon = hostPort.LastIndexOf(':');
        if (colon > 0 && !hostPort.EndsWith(']') && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            port = number;
            hostPort = hostPort[..colon];
        }
        return new EnvUrl(scheme, hostPort.ToLowerInvariant(), port, path);
    }
}
