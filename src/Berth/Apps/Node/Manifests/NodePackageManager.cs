using System.Text.Json;

namespace Berth.Apps.Node.Manifests;

/// <summary>The package manager a Node project uses, the lock it installs from (relative to the scan root) and why.</summary>
public sealed record NodePackageManagerChoice(string Name, string? Version, bool YarnBerry, string? LockFile, Evidence Evidence);

/// <summary>
/// packageManager field > pnpm-lock.yaml > bun.lock / bun.lockb > yarn.lock (Berry when it has <c>__metadata</c>) > package-lock.json
/// (npm-shrinkwrap.json too). Locks are looked for in the service folder, then in the workspace root. Two lock files of different
/// managers in one folder are an input error: nobody can tell which one the team installs from.
/// </summary>
public static class NodePackageManager
{
    private static readonly (string File, string Manager)[] Locks =
    [
        ("pnpm-lock.yaml", "pnpm"), ("bun.lock", "bun"), ("bun.lockb", "bun"), ("yarn.lock", "yarn"), ("package-lock.json", "npm"), ("npm-shrinkwrap.json", "npm"),
    ];

    public static NodePackageManagerChoice Resolve(SourceTree tree, PackageJson manifest, string folder, string? workspaceRoot)
    {
        var lockFolder = folder;
        var found = LocksIn(tree, folder);
        if (found.Count == 0 && workspaceRoot is not null)
        {
            lockFolder = workspaceRoot;
            found = LocksIn(tree, workspaceRoot);
        }
        var managers = found.Select(f => f.Manager).Distinct().ToList();
        if (managers.Count > 1)
            throw new InputException(found[1].File, 0,
                $"two lock files in {(lockFolder == "." ? "the root folder" : lockFolder)}: {string.Join(" and ", found.Select(f => RelativePath.FileName(f.File)))} ({string.Join(" and ", managers)}); " +
                "delete the one the team does not install from, so the image installs what developers test");
        var lockFile = found.FirstOrDefault().File;

        if (manifest.PackageManager is { } field)
        {
            var at = field.IndexOf('@', 1);
            var name = at > 0 ? field[..at] : field;
            var version = at > 0 ? field[(at + 1)..].Split('+')[0] : null;
            if (name is not ("npm" or "pnpm" or "yarn" or "bun"))
                throw new InputException(manifest.File, manifest.LineOf("packageManager"), $"packageManager \"{field}\" names no package manager Berth knows (npm, pnpm, yarn, bun)");
            var berry = name == "yarn" && (version is null ? IsBerryLock(tree, lockFile) : !version.StartsWith("1.", StringComparison.Ordinal));
            if (lockFile is not null && managers[0] != name)
                throw new InputException(manifest.File, manifest.LineOf("packageManager"),
                    $"packageManager says {name}, but the lock file is {lockFile} ({managers[0]}); install with {name} to write its lock, or fix the field");
            return new NodePackageManagerChoice(name, version, berry, lockFile, new Evidence($"package manager {name} (packageManager \"{field}\")", manifest.File, manifest.LineOf("packageManager")));
        }
        if (lockFile is null)
            return new NodePackageManagerChoice("npm", null, false, null, new Evidence("package manager npm (no lock file: builds are not repeatable until one is committed)", manifest.File, 0));
        var manager = managers[0];
        var isBerry = manager == "yarn" && IsBerryLock(tree, lockFile);
        return new NodePackageManagerChoice(manager, null, isBerry, lockFile,
            new Evidence($"package manager {(isBerry ? "yarn (Berry)" : manager)} ({RelativePath.FileName(lockFile)})", lockFile, 0));
    }

    private static List<(string File, string Manager)> LocksIn(SourceTree tree, string folder) =>
        Locks.Select(l => (File: RelativePath.Join(folder, l.File), l.Manager)).Where(l => tree.Exists(l.File)).ToList();

    private static bool IsBerryLock(SourceTree tree, string? lockFile) =>
        lockFile is not null && RelativePath.FileName(lockFile) == "yarn.lock" && tree.ReadManifest(lockFile).Contains("__metadata:", StringComparison.Ordinal);

    /// <summary>
    /// npm: every dependency package.json declares must be in package-lock.json (the root package's entry, or its node_modules entry);
    /// otherwise <c>npm ci</c> fails in the build. The message names the dependency's line in package.json.
    /// </summary>
    public static void CheckNpmLock(SourceTree tree, PackageJson manifest, string lockFile, string memberInLock)
    {
        var text = tree.ReadManifest(lockFile);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(lockFile, (int)(e.LineNumber ?? -1) + 1, "not valid JSON: the lock file is damaged; run npm install to rewrite it");
        }
        using (document)
        {
            var locked = new HashSet<string>(StringComparer.Ordinal);
            var root = document.RootElement;
            if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
            {
                var key = memberInLock == "." ? "" : memberInLock;
                if (packages.TryGetProperty(key, out var self))
                {
                    foreach (var group in new[] { "dependencies", "devDependencies", "optionalDependencies", "peerDependencies" })
                    {
                        if (self.TryGetProperty(group, out var deps) && deps.ValueKind == JsonValueKind.Object)
                            locked.UnionWith(deps.EnumerateObject().Select(p => p.Name));
                    }
                }
                foreach (var entry in packages.EnumerateObject())
                {
                    var slash = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                    if (slash >= 0)
                        locked.Add(entry.Name[(slash + "node_modules/".Length)..]);
                }
            }
            else if (root.TryGetProperty("dependencies", out var v1) && v1.ValueKind == JsonValueKind.Object)
                locked.UnionWith(v1.EnumerateObject().Select(p => p.Name));

            foreach (var (group, deps) in new[] { ("dependencies", manifest.Dependencies), ("devDependencies", manifest.DevDependencies) })
            {
                foreach (var name in deps.Keys.Order(StringComparer.Ordinal))
                {
                    if (!locked.Contains(name))
                        throw new InputException(manifest.File, manifest.LineOf($"{group}.{name}"),
                            $"{name} is in {group} but not in {lockFile}: the lock disagrees with package.json, and npm ci would fail; run npm install and commit the lock");
                }
            }
        }
    }
}
