using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>A uv.lock: the locked third-party packages and the local projects (editable/virtual entries) it was made for.</summary>
internal sealed record UvLock(IReadOnlyList<LockedPackage> Packages, IReadOnlyList<UvLocalProject> LocalProjects);

/// <summary>A workspace member or the root project itself: <c>source = { editable = "services/api" }</c> or <c>{ virtual = "." }</c>.</summary>
internal sealed record UvLocalProject(string Name, string Directory);

/// <summary>
/// uv.lock: <c>[[package]]</c> name and version. Entries whose source is <c>editable</c> or <c>virtual</c> are the project
/// itself and are left out. Groups are worked out by walking the dependency graph from the root project: packages it needs
/// are "main"; those reached through <c>[package.dev-dependencies]</c> groups or <c>[package.optional-dependencies]</c>
/// extras carry that group's name.
/// </summary>
internal static class UvLockReader
{
    public const string MainGroup = "main";

    public static UvLock Read(string scanRoot, string path, string? rootProject) => Read(TomlDocument.Load(scanRoot, path), rootProject);

    public static UvLock Read(TomlDocument document, string? rootProject)
    {
        var entries = TomlDocument.Tables(document.Root, "package")
            .Select(Entry.From)
            .OfType<Entry>()
            .ToList();
        var local = entries.Where(e => e.LocalDirectory is not null).ToList();
        var byName = entries.ToLookup(e => e.Name, StringComparer.Ordinal);

        var normalizedRoot = rootProject is null ? null : PythonPackageName.Normalize(rootProject);
        var roots = local.Where(e => e.Name == normalizedRoot).ToList();
        var specificRoot = roots.Count > 0;
        if (!specificRoot)
            roots = local;

        var groups = new Dictionary<Entry, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            Walk(root.Dependencies, MainGroup, byName, groups);
            foreach (var (group, edges) in root.DevGroups)
                Walk(edges, group, byName, groups);
            foreach (var (extra, edges) in root.Extras)
                Walk(edges, extra, byName, groups);
        }

        var packages = new List<LockedPackage>();
        foreach (var entry in entries.Where(e => e.LocalDirectory is null))
        {
            if (groups.TryGetValue(entry, out var found))
            {
                var ordered = found.Contains(MainGroup) ? [MainGroup, .. found.Where(g => g != MainGroup)] : found;
                packages.Add(new LockedPackage(entry.Name, entry.Version, ordered, null) { Files = entry.Files });
            }
            else if (!specificRoot)
            {
                packages.Add(new LockedPackage(entry.Name, entry.Version, [MainGroup], null) { Files = entry.Files });
            }
        }

        return new UvLock(packages, local.Select(e => new UvLocalProject(e.Name, e.LocalDirectory!)).ToList());
    }

    private static void Walk(IReadOnlyList<Edge> start, string group, ILookup<string, Entry> byName, Dictionary<Entry, List<string>> groups)
    {
        var pending = new Stack<Edge>(start.Reverse());
        var visited = new HashSet<(Entry, string)>();
        while (pending.Count > 0)
        {
            var edge = pending.Pop();
            foreach (var target in byName[edge.Name].Where(e => edge.Version is null || e.Version == edge.Version))
            {
                foreach (var extra in edge.Extras.Prepend(""))
                {
                    if (!visited.Add((target, extra)))
                        continue;
                    if (extra.Length == 0)
                    {
                        if (target.LocalDirectory is null)
                        {
                            if (!groups.TryGetValue(target, out var list))
                                groups[target] = list = [];
                            if (!list.Contains(group))
                                list.Add(group);
                        }

                        foreach (var next in target.Dependencies)
                            pending.Push(next);
                    }
                    else if (target.Extras.TryGetValue(extra, out var extraEdges))
                    {
                        foreach (var next in extraEdges)
                            pending.Push(next);
                    }
                }
            }
        }
    }

    private sealed record Edge(string Name, string? Version, IReadOnlyList<string> Extras)
    {
        public static IReadOnlyList<Edge> ListFrom(TomlTable? table, string key) =>
            TomlDocument.Array(table, key)?.OfType<TomlTable>()
                .Where(t => TomlDocument.String(t, "name") is not null)
                .Select(t => new Edge(PythonPackageName.Normalize(TomlDocument.String(t, "name")!), TomlDocument.String(t, "version"), TomlDocument.Strings(t, "extra")))
                .ToList() ?? [];
    }

    private sealed class Entry
    {
        public required string Name { get; init; }

        public required string Version { get; init; }

        public string? LocalDirectory { get; init; }

        public required IReadOnlyList<Edge> Dependencies { get; init; }

        public required IReadOnlyDictionary<string, IReadOnlyList<Edge>> DevGroups { get; init; }

        public required IReadOnlyDictionary<string, IReadOnlyList<Edge>> Extras { get; init; }

        /// <summary>The wheel and sdist file names (the last segment of each URL or path); null when the entry lists none (a git or path source).</summary>
        public IReadOnlyList<string>? Files { get; init; }

        public static Entry? From(TomlTable package)
        {
            if (TomlDocument.String(package, "name") is not { } name)
                return null;
            var source = TomlDocument.Table(package, "source");
            return new Entry
            {
                Name = PythonPackageName.Normalize(name),
                Version = TomlDocument.String(package, "version") ?? "",
                LocalDirectory = TomlDocument.String(source, "editable") ?? TomlDocument.String(source, "virtual"),
                Dependencies = Edge.ListFrom(package, "dependencies"),
                DevGroups = Groups(TomlDocument.Table(package, "dev-dependencies")),
                Extras = Groups(TomlDocument.Table(package, "optional-dependencies")),
                Files = FilesOf(package),
            };
        }

        private static IReadOnlyList<string>? FilesOf(TomlTable package)
        {
            var locations = (TomlDocument.Array(package, "wheels")?.OfType<TomlTable>() ?? [])
                .Append(TomlDocument.Table(package, "sdist"))
                .OfType<TomlTable>()
                .Select(f => TomlDocument.String(f, "url") ?? TomlDocument.String(f, "path") ?? TomlDocument.String(f, "filename"))
                .OfType<string>()
                .Select(u => u.Split('#')[0].Split('?')[0])
                .Select(u => u[(u.LastIndexOf('/') + 1)..])
                .ToList();
            return locations.Count > 0 ? locations : null;
        }

        private static IReadOnlyDictionary<string, IReadOnlyList<Edge>> Groups(TomlTable? table)
        {
            var groups = new Dictionary<string, IReadOnlyList<Edge>>(StringComparer.Ordinal);
            if (table is null)
                return groups;
            foreach (var key in table.Keys)
                groups[key] = Edge.ListFrom(table, key);
            return groups;
        }
    }
}
