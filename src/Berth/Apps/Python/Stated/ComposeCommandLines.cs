using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// The <c>command:</c> and <c>entrypoint:</c> values of a compose file as command lines, in the three ways compose writes them:
/// a string (<c>command: gunicorn app:app</c>), a flow list (<c>command: ["gunicorn", "app:app"]</c>) and a block list
/// (<c>entrypoint:</c> followed by <c>- flask</c>, <c>- run</c>, <c>- --port=80</c> lines). A list's items are joined with spaces.
/// </summary>
public static partial class ComposeCommandLines
{
    public static IEnumerable<(string Command, int Line)> Read(string text)
    {
        var lines = StatedStartReader.LogicalLines(text).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, number) = lines[i];
            var match = Key().Match(line);
            if (!match.Success)
                continue;
            var value = match.Groups["value"].Value.Trim();
            if (value.StartsWith('#'))
                value = "";
            if (value.Length == 0)
            {
                var items = new List<string>();
                while (i + 1 < lines.Count && lines[i + 1].Text.StartsWith("- ", StringComparison.Ordinal))
                    items.Add(Unquote(lines[++i].Text[2..]));
                if (items.Count > 0)
                    yield return (string.Join(' ', items), number);
            }
            else if (value.StartsWith('['))
            {
                var inner = value.TrimStart('[');
                var end = inner.LastIndexOf(']');
                if (end >= 0)
                    yield return (string.Join(' ', ListItem().Matches(inner[..end]).Select(m => Unquote(m.Value))), number);
            }
            else
            {
                yield return (value, number);
            }
        }
    }

    private static string Unquote(string item)
    {
        var trimmed = item.Trim();
        return trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0] ? trimmed[1..^1] : trimmed;
    }

    [GeneratedRegex(@"^-?\s*(command|entrypoint):(?<value>(\s.*)?)$")]
    private static partial Regex Key();

    /// <summary>One item of a flow list: a quoted string (commas allowed inside) or a bare word.</summary>
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'[^']*'|[^,\s][^,]*")]
    private static partial Regex ListItem();
}
