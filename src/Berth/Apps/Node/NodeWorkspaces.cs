using Berth.Apps.Node.Manifests;

namespace Berth.Apps.Node;

/// <summary>
/// npm/yarn workspaces (package.json <c>workspaces</c>) and pnpm workspaces (pnpm-workspace.yaml <c>packages:</c>): which folders are
/// roots, which members each has, and whether turbo or nx runs its tasks. A member depending on itself through other members is a
/// cycle no package manager installs: an input error naming the dependency's line.
/// </summary>
public sealed class NodeWorkspaces
{
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rootOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _tool = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Roots => _members.Keys;

    public string? RootOf(string folder) => _rootOf.GetValueOrDefault(folder);

    public IReadOnlyList<string> MembersOf(string root) => _members.TryGetValue(root, out var m) ? m : [];

    public string? ToolOf(string root) => _tool.GetValueOrDefault(root);

    public static NodeWorkspaces Read(SourceTree tree, IReadOnlyDictionary<string, PackageJson> manifests)
    {
        var workspaces = new NodeWorkspaces();
        foreach (var (folder, manifest) in manifests.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var globs = manifest.Workspaces?.ToList();
            var pnpmFile = RelativePath.Join(folder, "pnpm-workspace.yaml");
            if (tree.Exists(pnpmFile))
                (globs ??= []).AddRange(PnpmPackages(tree.ReadManifest(pnpmFile)));
            if (globs is null)
                continue;
            var members = manifests.Keys
                .Where(k => k != folder && RelativePath.Within(k, folder) is { } inner && globs.Any(g => Matches(g, inner)))
                .Order(StringComparer.Ordinal).ToList();
            workspaces._members[folder] = members;
            foreach (var member in members)
                workspaces._rootOf.TryAdd(member, folder);
            workspaces._tool[folder] = tree.Exists(RelativePath.Join(folder, "turbo.json")) ? "turbo" : tree.Exists(RelativePath.Join(folder, "nx.json")) ? "nx" : null;
            CheckCycles(members.Select(m => manifests[m]).ToList());
        }
        return workspaces;
    }

    /// <summary>The list under <c>packages:</c> in pnpm-workspace.yaml (one <c>- 'glob'</c> a line).</summary>
    private static IEnumerable<string> PnpmPackages(string yaml)
    {
        var inPackages = false;
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('-'))
                inPackages = line.StartsWith("packages:", StringComparison.Ordinal);
            else if (inPackages && line.TrimStart().StartsWith('-'))
            {
                var value = line.TrimStart()[1..].Trim().Trim('\'', '"');
                if (!value.StartsWith('!'))
                    yield return value;
            }
        }
    }

    /// <summary>Workspace globs: "apps/*" (one level), "packages/**" (any depth), or a folder path.</summary>
    private static bool Matches(string glob, string folder)
    {
        var g = glob.TrimStart('.', '/').TrimEnd('/');
        if (g.EndsWith("/**", StringComparison.Ordinal))
            return folder.StartsWith(g[..^2], StringComparison.Ordinal);
        if (g.EndsWith("/*", StringComparison.Ordinal))
            return RelativePath.Parent(folder) == g[..^2];
        return folder == g;
    }

    private static void CheckCycles(List<PackageJson> members)
    {
        var byName = members.Where(m => m.Name is not null).GroupBy(m => m.Name!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        void Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            var manifest = byName[name];
            foreach (var dependency in manifest.AllDependencyNames.Where(byName.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(dependency) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(dependency)).Append(dependency);
                    var group = manifest.Dependencies.ContainsKey(dependency) ? "dependencies" : "devDependencies";
                    throw new InputException(manifest.File, manifest.LineOf($"{group}.{dependency}"),
                        $"workspace cycle: {string.Join(" → ", cycle)}; a workspace member cannot depend on itself through other members");
                }
                if (state.GetValueOrDefault(dependency) == 0)
                    Visit(dependency);
            }
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }

        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(name) == 0)
                Visit(name);
        }
    }
}
