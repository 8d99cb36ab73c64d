using System.Globalization;
using System.Text;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Text from the user's files as it may appear in a message: control characters, replacement characters (bytes that were not
/// UTF-8) and bidirectional overrides escaped, so a binary file cannot write raw bytes to the terminal, and cut to a length a
/// message line can hold.
/// </summary>
internal static class QuotedInput
{
    public const int MaxLength = 80;

    public static string Of(string text)
    {
        var builder = new StringBuilder();
        var shown = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (shown == MaxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(Escaped(rune));
            shown++;
        }

        return builder.ToString();
    }

    private static string Escaped(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        var unsafeForTerminal = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            || rune.Value == 0xFFFD;
        if (!unsafeForTerminal)
            return rune.ToString();
        return rune.Value switch
        {
            '\t' => "\\t",
            '\r' => "\\r",
            '\n' => "\\n",
            <= 0xFF => $"\\x{rune.Value:x2}",
            <= 0xFFFF => $"\\u{rune.Value:x4}",
            _ => $"\\U{rune.Value:x8}",
        };
    }
}
