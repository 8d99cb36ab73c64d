using System.Text.RegularExpressions;

namespace Berth.Apps;

/// <summary>
/// Ties a backend to the frontend it serves: a folder the backend serves (<see cref="Python.ServedFolder"/>) that is not in the
/// sources and that a Node static site's build writes. The backend's profile records the dependency (<see cref="ServedFrontend"/>)
/// and its build context widens to hold both packages; the static site is then built into the backend's image, so it is set
/// aside as a service of its own — unless the repository deploys it separately too (its own Dockerfile or compose service).
/// </summary>
public static partial class ServedFrontendLinker
{
    public static (List<ServiceProfile> Services, List<SkippedFolder> Skipped) Link(SourceTree tree, List<ServiceProfile> services, List<SkippedFolder> skipped)
    {
        var sites = services.Where(s => s.Node is { Kind: "static", BuildScript: not null, StaticOutput: not null }).ToList();
        if (sites.Count == 0)
            return (services, skipped);
        var served = new Dictionary<string, string>(StringComparer.Ordinal); // site name → backend name
        var linked = new List<ServiceProfile>();
        foreach (var service in services)
        {
            if (service.Python is not { ServedFolders.Count: > 0 } python || Match(tree, service, python.ServedFolders, sites) is not { } match)
            {
                linked.Add(service);
                continue;
            }
            var (folder, site, clue) = match;
            var node = site.Node!;
            var output = Python.ServedFolders.Normalise(site.Path, node.StaticOutput!)!;
            var separately = DeployedSeparately(tree, site.Path);
            var context = CommonRoot(service.BuildContext, site.BuildContext);
            var frontend = new ServedFrontend
            {
                Folder = folder,
                FromService = Relative(folder, service.Path),
                ServedBy = clue.ServedBy,
                Route = clue.Route,
                Source = clue.Source,
                Package = site.Path,
                PackageName = site.Name,
                PackageManager = site.PackageManager,
                LockFile = site.LockFile,
                BuildScript = node.BuildScript!,
                BuildCommand = node.Scripts[node.BuildScript!],
                Output = node.StaticOutput!,
                NodeVersion = site.Runtime.Version,
                DeployedSeparately = separately,
                OwnBuildContext = service.BuildContext,
                Builder = site,
            };
            var (file, line) = SplitSource(clue.Source);
            var notes = new List<string>(service.Notes)
            {
                $"serves {folder} ({clue.ServedBy}{(clue.Route is null ? "" : $" at {clue.Route}")}, {clue.Source}), which is not in the sources: " +
                $"{site.Path}'s `{node.BuildScript}` script writes it ({output}); the image builds the frontend in a Node stage" +
                (context != service.BuildContext ? $", so the build context is {(context == "." ? "the repository root" : context)}, which holds both" : ""),
            };
            if (separately)
                notes.Add($"{site.Path} is also deployed on its own (its own Dockerfile or a compose service): both are kept");
            linked.Add(service with
            {
                BuildContext = context,
                ServedFrontend = frontend,
                Evidence = [.. service.Evidence, new Evidence($"serves {folder} ({clue.ServedBy}{(clue.Route is null ? "" : " at " + clue.Route)}), which {site.Path}'s `{node.BuildScript}` script writes", file, line)],
                Notes = notes,
            });
            if (!separately)
                served[site.Name] = service.Name;
        }
        if (served.Count == 0)
            return (linked, skipped);
        var kept = linked.Where(s => !served.ContainsKey(s.Name)).ToList();
        var setAside = linked.Where(s => served.ContainsKey(s.Name))
            .Select(s => new SkippedFolder(s.Path, $"built into {served[s.Name]}'s image, served at {linked.First(b => b.Name == served[s.Name]).ServedFrontend!.Route ?? "the path it mounts"}: not a service of its own"));
        return (kept, [.. skipped, .. setAside]);
    }

    private static (string Folder, ServiceProfile Site, Python.ServedFolder Clue)? Match(SourceTree tree, ServiceProfile service, IReadOnlyList<Python.ServedFolder> folders, List<ServiceProfile> sites)
    {
        foreach (var clue in folders)
        {
            foreach (var folder in clue.Folders)
            {
                if (folder == "." || folder == service.Path || RelativePath.IsAtOrBelow(service.Path, folder))
                    continue; // the app's own folder, or one above it, is never a build's output
                foreach (var site in sites)
                {
                    if (Python.ServedFolders.Normalise(site.Path, site.Node!.StaticOutput!) is not { } output || !RelativePath.IsAtOrBelow(output, folder))
                        continue;
                    if (tree.Files.Any(f => RelativePath.IsAtOrBelow(f, output)))
                        continue; // the built files are committed: nothing to build
                    return (folder, site, clue);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The package has its own Dockerfile, or a compose file builds from its folder. Dockerfile.&lt;x&gt; files (Dockerfile.playwright,
    /// Dockerfile.dev) build test or development images, not a deployment.
    /// </summary>
    private static bool DeployedSeparately(SourceTree tree, string package)
    {
        if (tree.Exists(RelativePath.Join(package, "Dockerfile")))
            return true;
        foreach (var compose in tree.Files.Where(f => RelativePath.FileName(f) is var n && (n.StartsWith("docker-compose", StringComparison.Ordinal) || n.StartsWith("compose.", StringComparison.Ordinal)) && (n.EndsWith(".yml", StringComparison.Ordinal) || n.EndsWith(".yaml", StringComparison.Ordinal))))
        {
            string text;
            try
            {
                text = tree.ReadManifest(compose);
            }
            catch (InputException)
            {
                continue;
            }
            var from = RelativePath.Parent(compose);
            foreach (Match m in BuildLine().Matches(text))
            {
                if (Python.ServedFolders.Normalise(from, m.Groups["path"].Value) == package)
                    return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^\s*(?:build|context):\s*['""]?(?<path>\.{0,2}/?[\w./-]*?)['""]?\s*$", RegexOptions.Multiline)]
    private static partial Regex BuildLine();

    /// <summary>The deepest folder both are at or below.</summary>
    public static string CommonRoot(string a, string b)
    {
        if (a == "." || b == ".")
            return ".";
        var x = a.Split('/');
        var y = b.Split('/');
        var n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n])
            n++;
        return n == 0 ? "." : string.Join('/', x.Take(n));
    }

    /// <summary>A folder seen from another: "frontend/dist" from "backend" → "../frontend/dist".</summary>
    public static string Relative(string path, string from)
    {
        var common = CommonRoot(path, from);
        var up = common == from ? "" : RelativePath.Up(RelativePath.Under(from, common));
        var down = RelativePath.Under(path, common);
        return up.Length == 0 ? down : down == "." ? up : up + "/" + down;
    }

    private static (string File, int Line) SplitSource(string source)
    {
        var colon = source.LastIndexOf(':');
        return colon > 0 && int.TryParse(source[(colon + 1)..], out var line) ? (source[..colon], line) : (source, 0);
    }
}
