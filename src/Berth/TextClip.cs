namespace Berth;

/// <summary>Shortening text for a line of output: at most so many characters, the cut marked, never inside a surrogate pair.</summary>
public static class TextClip
{
    /// <summary><paramref name="text"/> when it fits in <paramref name="max"/> characters; else its start and <paramref name="ellipsis"/>, <paramref name="max"/> in all.</summary>
    public static string Shorten(string text, int max, string ellipsis = "…")
    {
        if (text.Length <= max)
            return text;
        var cut = Math.Max(0, max - ellipsis.Length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut] + ellipsis;
    }
}
