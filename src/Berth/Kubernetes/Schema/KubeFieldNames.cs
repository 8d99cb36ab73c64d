namespace Berth.Kubernetes.Schema;

/// <summary>The known name a misspelt one most likely meant (a field, a kind).</summary>
public static class KubeFieldNames
{
    /// <summary>The known name the written one most likely meant: same letters in another case, else at most two edits away.</summary>
    public static string? Suggest(string written, IEnumerable<string> known)
    {
        var names = known.ToList();
        return names.FirstOrDefault(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase))
            ?? names.Select(n => (Name: n, Distance: Distance(n.ToLowerInvariant(), written.ToLowerInvariant())))
                .Where(n => n.Distance <= 2).OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Name).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
            return 3;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
