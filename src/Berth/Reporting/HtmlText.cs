using System.Text;

namespace Berth.Reporting;

/// <summary>Escapes text for HTML element content and quoted attribute values; control characters (ANSI escapes included) become '?'.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in VerifyFormat.Printable(text))
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
        return html.ToString();
    }

    /// <summary>A value usable as an element id / fragment: letters, digits, '-', '_' and '.' kept, everything else '-'.</summary>
    public static string Id(string text)
    {
        var id = new StringBuilder(text.Length);
        foreach (var c in text)
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        return id.ToString();
    }
}
