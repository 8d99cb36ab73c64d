using Berth.Apps.Links;
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
                ? "no web service found: no Python web app (FastAPI, Starlette, Flask, Quart or Django) and no package.json of a Node.js web app (Next.js, Express, Fastify, Koa, NestJS, Vite, Create React App)"
                : "no web service found; looked at: " + string.Join("; ", skipped.Select(s => $"{s.Path} ({s.Reason})"));
            throw new InputException(".", 0, why);
        }
        services = UniqueNames(services, notes);
        var links = RepositoryLinker.Link(services, tree);
        return new ScanResult(tree.Root, services, skipped, [.. notes, .. links.Notes]) { Links = links };
    }

    /// <summary>
    /// Services are told apart by name everywhere after the scan (links, compose, Kubernetes): two that would share one are each
    /// named after their folder path instead ("shop/api" → "shop-api"), and the scan says so.
    /// </summary>
    private static List<ServiceProfile> UniqueNames(List<ServiceProfile> services, List<string> notes)
    {
        var shared = services.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        if (shared.Count == 0)
            return services;
        return services.Select(service =>
        {
            if (!shared.Contains(service.Name))
                return service;
            var name = service.Path is "." ? service.Name : service.Path.Replace('/', '-');
            notes.Add($"{service.Path}: named '{name}' after its folder, since more than one service is called '{service.Name}'");
            return service with { Name = name };
        }).ToList();
    }
}
