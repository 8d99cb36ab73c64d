namespace Berth.Linting;

/// <summary>The rule pages (docs/rules/ID.md), embedded in the library.</summary>
public static class RuleDocs
{
    public static string? Page(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
