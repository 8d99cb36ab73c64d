using Berth.Apps.Links;
using Berth.Apps.Python;

namespace Berth.Apps;

/// <summary>
/// <c>berth scan</c> as a library call: reads the tree once and runs every stack's detector over it, so a repository holding a
/// Python backend and Node frontends comes back as one list of services.
/// </summary>
public static class RepositoryScanner
{
    /// <summary>The detectors of every stack Berth knows.</summary>
    public static IReadOnlyList<IServiceDetector> Detectors { get; } = [new PythonServiceDetector()];

    /// <summary>Scans with every stack's detector; input errors name their files under <paramref name="root"/> as the caller gave it.</summary>
    public static ScanResult Scan(string root)
    {
        try
        {
            return Scan(root, Detectors);
        }
        catch (InputException e)
        {
            throw e.Under(root);
        }
    }

    public static ScanResult Scan(string root, IReadOnlyList<IServiceDetector> detectors)
    {
        var tree = SourceTree.Load(root);
        var found = detectors.Select(d => d.Detect(tree)).ToList();
        var services = found.SelectMany(f => f.Services).OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var skipped = found.SelectMany(f => f.Skipped).ToList();
        var notes = found.SelectMany(f => f.Notes).Concat(tree.Notes).ToList();
        if (services.Count == 0)
        {
            var why = skipped.Count == 0
                ? "no Python files with a web app (FastAPI, Starlette, Flask, Quart or Django) were found"
                : "no web service found; looked at: " + string.Join("; ", skipped.Select(s => $"{s.Path} ({s.Reason})"));
            throw new InputException(".", 0, why);
        }
        var links = RepositoryLinker.Link(services, tree);
        return new ScanResult(tree.Root, services, skipped, [.. notes, .. links.Notes]) { Links = links };
    }
}
