namespace Berth.EndToEnd.Workspace;

/// <summary>The values in a committed <c>.env</c>: strings that must never show up in anything Berth writes or prints.</summary>
public static class DotenvFile
{
    /// <summary>Values of at least <paramref name="minimumLength"/> characters (short ones like "5" or "debug" occur naturally).</summary>
    public static IReadOnlyList<string> DistinctiveValues(string path, int minimumLength = 8)
    {
        if (!File.Exists(path))
            return [];
        var values = new List<string>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..];
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                continue;
            var value = line[(equals + 1)..].Trim().Trim('"', '\'');
            if (value.Length >= minimumLength)
                values.Add(value);
        }
        return values;
    }

    /// <summary>Each secret value found in <paramref name="text"/>, described with <paramref name="where"/>.</summary>
    public static IEnumerable<string> Leaks(IReadOnlyList<string> values, string text, string where) =>
        values.Where(v => text.Contains(v, StringComparison.Ordinal)).Select(v => $".env value '{v}' appears in {where}");
}
