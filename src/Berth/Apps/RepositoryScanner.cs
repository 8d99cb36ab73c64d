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

    /// <summary>
    /// Scans PATH as <see cref="Scan(string)"/> does, except when PATH is a member of a workspace whose root is above it (a uv
    /// workspace, npm/yarn/pnpm/bun workspaces): the member's lock, package manager and build context live at that root, so the
    /// scan runs from there and keeps only the services under PATH. Scanning a service folder and its repository root then
    /// give the same profile. Looks up to <see cref="WorkspaceSearchDepth"/> folders up, never above a folder holding .git.
    /// </summary>
    public static ScanResult ScanFromWorkspace(string root)
    {
        var full = Path.GetFullPath(root);
        var member = "";
        var folder = full;
        for (var up = 0; up < WorkspaceSearchDepth && !Directory.Exists(Path.Combine(folder, ".git")); up++)
        {
            var parent = Path.GetDirectoryName(folder);
            if (parent is null)
                break;
            member = member.Length == 0 ? Path.GetFileName(folder) : Path.GetFileName(folder) + "/" + member;
            folder = parent;
            if (!DeclaresWorkspace(folder))
                continue;
            ScanResult whole;
            try
            {
                whole = Scan(folder, Detectors);
            }
            catch (InputException)
            {
                break; // the workspace root does not scan cleanly: PATH on its own says what is wrong, under the name the user gave
            }
            var members = whole.Services.Where(s => s.WorkspaceRoot is not null && RelativePath.IsAtOrBelow(s.Path, member)).ToList();
            if (members.Count == 0)
                continue;
            var names = members.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            var links = whole.Links with
            {
                Links = whole.Links.Links.Where(l => names.Contains(l.From) && names.Contains(l.To)).ToList(),
                BackingServices = whole.Links.BackingServices.Where(n => names.Contains(n.Service)).ToList(),
            };
            var note = $"{member} is a member of the workspace at {RelativePath.Up(member)} ({members[0].LockFile ?? "its manifest"}): scanned from there, " +
                       "where its lock, package manager and build context are; paths below are relative to the workspace root";
            return new ScanResult(whole.Root, members, whole.Skipped.Where(f => RelativePath.IsAtOrBelow(f.Path, member)).ToList(), [note, .. whole.Notes])
            {
                Links = links,
                Member = member,
            };
        }
        return Scan(root);
    }

    /// <summary>How many folders above PATH a workspace root is looked for.</summary>
    public const int WorkspaceSearchDepth = 4;


    private static bool DeclaresWorkspace(string folder)
    {
        static string? Read(string file)
        {
            try
            {
                var info = new FileInfo(file);
                return info.Exists && info.Length is > 0 and < 1 << 20 ? File.ReadAllText(file) : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
        return Read(Path.Combine(folder, "pyproject.toml"))?.Contains("[tool.uv.workspace]", StringComparison.Ordinal) == true
            || Read(Path.Combine(folder, "package.json"))?.Contains("\"workspaces\"", StringComparison.Ordinal) == true
            || File.Exists(Path.Combine(folder, "pnpm-workspace.yaml"));
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
        (services, skipped) = ServedFrontendLinker.Link(tree, services, skipped);
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
