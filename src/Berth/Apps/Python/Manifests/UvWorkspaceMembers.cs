namespace Berth.Apps.Python.Manifests;

/// <summary>
/// The member folders of a uv workspace: every folder below the root that holds a pyproject.toml and that the root's
/// <c>[tool.uv.workspace]</c> <c>members</c> globs take in and its <c>exclude</c> globs do not, as uv itself discovers them.
/// </summary>
internal static class UvWorkspaceMembers
{
    private static readonly HashSet<string> Skipped =
        new(StringComparer.Ordinal) { ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache" };

    /// <summary>How deep below the root members are looked for (a bound against symlink loops; member globs are shallow).</summary>
    private const int MaxDepth = 8;

    /// <summary>Member folders relative to the scan root, ordinal order; the root itself is not listed. Empty when the root declares no workspace.</summary>
    public static IReadOnlyList<string> Find(string scanRoot, string workspaceRoot)
    {
        var rootPyproject = ScanPath.Join(workspaceRoot, "pyproject.toml");
        if (!ScanPath.FileExists(scanRoot, rootPyproject) || PyprojectReader.Read(scanRoot, rootPyproject).Workspace is not { } workspace)
            return [];
        var members = new List<string>();
        var pending = new Stack<(string Directory, int Depth)>([(workspaceRoot, 0)]);
        while (pending.Count > 0)
        {
            var (directory, depth) = pending.Pop();
            if (depth >= MaxDepth)
                continue;
            foreach (var child in ScanPath.DirectoriesIn(scanRoot, directory).Where(d => !Skipped.Contains(d)))
            {
                var path = ScanPath.Join(directory, child);
                var relative = ScanPath.RelativeTo(workspaceRoot, path)!;
                if (ScanPath.FileExists(scanRoot, ScanPath.Join(path, "pyproject.toml")) && workspace.Declares(relative))
                    members.Add(path);
                pending.Push((path, depth + 1));
            }
        }

        members.Sort(StringComparer.Ordinal);
        return members;
    }
}
