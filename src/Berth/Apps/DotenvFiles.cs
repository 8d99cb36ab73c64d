namespace Berth.Apps;

/// <summary>
/// Which files are .env files with local values (often secrets) — <c>.env</c>, <c>.env.local</c>, <c>.env.production</c> — and which are
/// committed templates of one (<c>.env.example</c>, <c>.env.sample</c>, <c>.env.template</c>, Symfony's <c>.env.dist</c>, dotenv-defaults'
/// <c>.env.defaults</c>, dotenv-safe's <c>.env.schema</c>). One answer for lint (copied into an image), verify (found in an image) and the
/// .env values verify must never print.
/// </summary>
public static class DotenvFiles
{
    private static readonly string[] TemplateSuffixes = ["example", "sample", "template", "dist", "defaults", "schema"];

    /// <summary>Whether a file name (no folder) is a .env file holding values rather than a template.</summary>
    public static bool HoldsValues(string name)
    {
        if (name == ".env")
            return true;
        if (!name.StartsWith(".env.", StringComparison.Ordinal))
            return false;
        var suffix = name[5..].ToLowerInvariant();
        return !TemplateSuffixes.Contains(suffix, StringComparer.Ordinal);
    }
}
