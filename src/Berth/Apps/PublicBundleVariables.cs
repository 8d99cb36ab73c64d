namespace Berth.Apps;

/// <summary>
/// Names a frontend bundler inlines into the JavaScript every browser downloads (<c>VITE_*</c>, <c>NEXT_PUBLIC_*</c>,
/// <c>REACT_APP_*</c>...): their values are public by design, fixed when the bundle is built.
/// </summary>
public static class PublicBundleVariables
{
    public static IReadOnlyList<string> Prefixes { get; } = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "PUBLIC_", "GATSBY_"];

    /// <summary>The public prefix <paramref name="name"/> starts with (compared upper-case), or null.</summary>
    public static string? Prefix(string name)
    {
        var upper = name.ToUpperInvariant();
        return Prefixes.FirstOrDefault(p => upper.StartsWith(p, StringComparison.Ordinal));
    }
}
