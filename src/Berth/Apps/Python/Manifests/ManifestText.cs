namespace Berth.Apps.Python.Manifests;

/// <summary>A manifest's text is text: a file holding NUL bytes (a binary saved under a manifest's name) is an input error, not something to parse.</summary>
internal static class ManifestText
{
    public static string Checked(string relative, string text)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul < 0)
            return text;
        var line = 1 + text.AsSpan(0, nul).Count('\n');
        throw new InputException(relative, line, "binary content (a NUL byte) where a text manifest was expected; not reading it");
    }
}
