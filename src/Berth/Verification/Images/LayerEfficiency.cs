namespace Berth.Verification.Images;

/// <summary>
/// dive's efficiency numbers (filetree/efficiency.go, image/analysis.go): for every path, the size it has in each layer that holds it
/// (a whiteout counts the size of everything it deletes); efficiency = Σ smallest occurrence / Σ all occurrences; wasted bytes = all
/// occurrences of paths present in two or more layers (the first copy included, as dive does); user size = every layer but the first.
/// </summary>
public static class LayerEfficiency
{
    public static LayerEfficiencyScore Compute(IReadOnlyList<ImageLayer> layers, int topCount = 10)
    {
        var paths = new Dictionary<string, PathTally>(StringComparer.Ordinal);
        var below = new Dictionary<string, long>(StringComparer.Ordinal); // the stacked files so far: path -> size
        foreach (var layer in layers)
        {
            foreach (var opaque in layer.Files.Where(f => f.Kind == LayerFileKind.OpaqueDirectory))
                Tally(paths, opaque.Path, RemoveSubtree(below, opaque.Path, includeSelf: false));
            foreach (var file in layer.Files)
            {
                switch (file.Kind)
                {
                    case LayerFileKind.OpaqueDirectory:
                    case LayerFileKind.Directory:
                        break;
                    case LayerFileKind.Whiteout:
                        Tally(paths, file.Path, RemoveSubtree(below, file.Path, includeSelf: true));
                        break;
                    default:
                        Tally(paths, file.Path, file.Size);
                        below[file.Path] = file.Size;
                        break;
                }
            }
        }
        long minimum = 0, cumulative = 0, wasted = 0;
        var wastedPaths = new List<WastedPath>();
        foreach (var (path, tally) in paths)
        {
            minimum += tally.Minimum;
            cumulative += tally.Cumulative;
            if (tally.Count >= 2)
            {
                wasted += tally.Cumulative;
                if (tally.Cumulative > 0)
                    wastedPaths.Add(new WastedPath("/" + path, tally.Count, tally.Cumulative));
            }
        }
        var efficiency = cumulative == 0 ? 1.0 : (double)minimum / cumulative;
        var userSize = layers.Skip(1).Sum(l => l.Size);
        var ratio = userSize == 0 ? 0.0 : (double)wasted / userSize;
        var top = wastedPaths.OrderByDescending(p => p.CumulativeBytes).ThenBy(p => p.Path, StringComparer.Ordinal).Take(topCount).ToList();
        return new LayerEfficiencyScore(efficiency, wasted, userSize, ratio, top);
    }

    private static void Tally(Dictionary<string, PathTally> paths, string path, long size)
    {
        paths[path] = paths.TryGetValue(path, out var tally)
            ? new PathTally(tally.Count + 1, tally.Cumulative + size, Math.Min(tally.Minimum, size))
            : new PathTally(1, size, size);
    }

    private static long RemoveSubtree(Dictionary<string, long> below, string path, bool includeSelf)
    {
        var prefix = path.Length == 0 ? "" : path + "/";
        long total = 0;
        foreach (var key in below.Keys.Where(k => (includeSelf && k == path) || (k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length)).ToList())
        {
            total += below[key];
            below.Remove(key);
        }
        return total;
    }

    private readonly record struct PathTally(int Count, long Cumulative, long Minimum);
}
