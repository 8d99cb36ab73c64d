namespace Berth.Generation.Compose;

/// <summary>The compose service name of each profile.</summary>
public static class ComposeServiceNames
{
    /// <summary>Compose service names: lower-case letters, digits, '-' and '_', unique.</summary>
    public static Dictionary<string, string> For(IReadOnlyList<string> profiles)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var clean = new string(profile.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-', '_');
            if (clean.Length == 0)
                clean = "app";
            var name = clean;
            for (var n = 2; names.ContainsValue(name); n++)
                name = $"{clean}-{n}";
            names[profile] = name;
        }
        return names;
    }
}
