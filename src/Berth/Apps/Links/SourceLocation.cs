using System.Globalization;

namespace Berth.Apps.Links;

/// <summary>Turns a "file:line" source string (as <see cref="EnvVariable.Source"/> and <see cref="HealthRoute.Source"/> hold) into evidence.</summary>
public static class SourceLocation
{
    public static Evidence Evidence(string fact, string source)
    {
        var colon = source.LastIndexOf(':');
        if (colon > 0 && int.TryParse(source[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            return new Evidence(fact, source[..colon], line);
        return new Evidence(fact, source, 0);
    }
}
