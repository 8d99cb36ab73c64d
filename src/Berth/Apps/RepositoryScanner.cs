using Berth.Apps.Node;
using Berth.Apps.Python;

namespace Berth.Apps;

/// <summary>
/// <c>berth scan</c> as a library call: reads the tree once and runs every stack's detector over it, so a repository holding a
/// Python backend and Node frontends comes back as one list of services.
/// </summary>
public static class RepositoryScanner
{
    /// <summary>The detectors of every stack Berth knows.</summary>
    public static IReadOnlyList<IServiceDetector> Detectors { get; } = [new PythonServiceDetector(), new NodeServiceDetector()];

    public static ScanResult Scan(string root) => Scan(root, Detectors);

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
                ? "no web service found: no Python web app (FastAPI, Starlette, Flask, Quart or Django) and no package.json of a Node.js web app (Next.js, Express, Fastify, Koa, NestJS, Vite, Create React App)"
                : "no web service found; looked at: " + string.Join("; ", skipped.Select(s => $"{s.Path} ({s.Reason})"));
            throw new InputException(".", 0, why);
        }
        return new ScanResult(tree.Root, services, skipped, notes);
    }
}
