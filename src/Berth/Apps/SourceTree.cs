namespace Berth.Apps;

/// <summary>
/// The files of a source tree as Berth sees them: relative '/' paths, vendored and generated folders left out,
/// symbolic-link loops reported as input errors, oversized files left out with a note.
/// </summary>
public sealed class SourceTree
{
    /// <summary>Python source larger than this is not read (generated code, data dumps).</summary>
    public const long MaxSourceBytes = 2 * 1024 * 1024;

    /// <summary>A manifest (pyproject, requirements, lock) larger than this is an input error.</summary>
    public const long MaxManifestBytes = 8 * 1024 * 1024;

    private static readonly HashSet<string> SkippedDirectoryNames = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".idea", ".vscode", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages", "dist", "build", ".next", ".cache",
        "htmlcov", ".terraform",
    };

    private readonly List<string> _files = [];
    private readonly List<string> _notes = [];

    private SourceTree(string root) => Root = root;

    /// <summary>The absolute, normalised root folder.</summary>
    public string Root { get; }

    /// <summary>Every file below the root, relative with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>What was passed over and why.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public static SourceTree Load(string root)
    {
        var full = Path.GetFullPath(root);
        if (File.Exists(full))
            throw new InputException(".", 0, "expected a folder, got a file");
        if (!Directory.Exists(full))
            throw new InputException(".", 0, "no such folder");
        var tree = new SourceTree(full.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } t ? t : full);
        tree.Walk(tree.Root, "", [LinkTarget(new DirectoryInfo(tree.Root)) ?? tree.Root]);
        tree._files.Sort(StringComparer.Ordinal);
        return tree;
    }

    public string FullPath(string relative) =>
        relative is "." or "" ? Root : Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public bool Exists(string relative) => File.Exists(FullPath(relative));

    /// <summary>Reads a Python source file, or null when it is too large to be source (noted).</summary>
    public string? ReadSource(string relative)
    {
        var info = new FileInfo(FullPath(relative));
        if (info.Length > MaxSourceBytes)
        {
            _notes.Add($"{relative}: not read ({info.Length / 1024} KiB is larger than the {MaxSourceBytes / 1024 / 1024} MiB source limit)");
            return null;
        }
        return ReadRegularText(info, relative);
    }

    /// <summary>Reads a manifest; an oversized or unreadable one is an input error.</summary>
    public string ReadManifest(string relative)
    {
        var info = new FileInfo(FullPath(relative));
        if (info.Length > MaxManifestBytes)
            throw new InputException(relative, 0, $"file is {info.Length / 1024 / 1024} MiB; manifests larger than {MaxManifestBytes / 1024 / 1024} MiB are not read");
        return Python.Manifests.ManifestText.Checked(relative, ReadRegularText(info, relative));
    }

    /// <summary>
    /// The text of a file, never opening one that reports no bytes: named pipes, sockets and devices all report a size of 0
    /// (.NET tells no file type apart from folders and links), and opening a named pipe blocks until something writes to it.
    /// An empty regular file reads as empty text either way.
    /// </summary>
    internal static string ReadRegularText(FileInfo info, string relative)
    {
        try
        {
            return info.Length == 0 ? "" : File.ReadAllText(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(relative, 0, $"cannot read file: {e.Message}");
        }
    }

    private void Walk(string directory, string relative, List<string> ancestors)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(relative.Length == 0 ? "." : relative, 0, $"cannot read folder: {e.Message}");
        }

        foreach (var entry in entries)
        {
            var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo dir)
            {
                if (SkippedDirectoryNames.Contains(dir.Name) || dir.Name.EndsWith(".egg-info", StringComparison.Ordinal))
                    continue;
                if (File.Exists(Path.Combine(dir.FullName, "pyvenv.cfg")))
                    continue; // a virtualenv under any name
                var real = ancestors[^1] + Path.DirectorySeparatorChar + dir.Name;
                if (dir.LinkTarget is not null)
                {
                    var target = LinkTarget(dir) ?? throw new InputException(childRelative, 0, $"symbolic link loop: '{childRelative}' -> '{dir.LinkTarget}' never reaches a real folder");
                    if (!Directory.Exists(target))
                        continue; // dangling link
                    real = target;
                    if (ancestors.Any(a => IsSameOrBelow(a, real)))
                        throw new InputException(childRelative, 0, $"symbolic link loop: '{childRelative}' points to '{dir.LinkTarget}', a folder that contains it, so the tree never ends");
                }
                ancestors.Add(real);
                Walk(dir.FullName, childRelative, ancestors);
                ancestors.RemoveAt(ancestors.Count - 1);
            }
            else if (entry is FileInfo file)
            {
                if (file.LinkTarget is not null && !File.Exists(file.FullName))
                    continue; // dangling link
                _files.Add(childRelative);
            }
        }
    }

    private static bool IsSameOrBelow(string path, string ancestor) =>
        path.Equals(ancestor, StringComparison.Ordinal) ||
        path.StartsWith(ancestor.EndsWith(Path.DirectorySeparatorChar) ? ancestor : ancestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? LinkTarget(DirectoryInfo directory)
    {
        try
        {
            var target = directory.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? null : Path.GetFullPath(target.FullName).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return null; // a link chain the OS refuses to follow (ELOOP)
        }
    }
}
