namespace Berth.Generation.Compose;

/// <summary>The depends_on edges so far: an edge that would close a cycle (compose refuses one) is not added.</summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Adds from → to unless <paramref name="to"/> already waits for <paramref name="from"/>; false when it was refused.</summary>
    public bool TryAdd(string from, string to)
    {
        if (Reaches(to, from))
            return false;
        if (!_edges.TryGetValue(from, out var next))
            _edges[from] = next = [];
        next.Add(to);
        return true;
    }

    private bool Reaches(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var node))
        {
            if (node == to)
                return true;
            if (seen.Add(node) && _edges.TryGetValue(node, out var next))
                foreach (var n in next)
                    pending.Push(n);
        }
        return false;
    }
}
