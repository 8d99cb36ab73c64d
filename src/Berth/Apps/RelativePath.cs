namespace Berth.Apps;

/// <summary>
/// Paths relative to the scan root with '/' separators, "." for the root itself: the one set of helpers the detectors,
/// manifest readers and generators share.
/// </summary>
public static class RelativePath
{
    /// <summary>"a/b/c.py" → "a/b"; "c.py" → ".".</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins a folder and a path below it; "." on either side is the other side.</summary>
    public static string Join(string folder, string child) =>
        folder is "." or "" ? child : child is "." ? folder : folder + "/" + child;

    public static bool IsAtOrBelow(string path, string folder) =>
        folder is "." || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>The path seen from <paramref name="folder"/> ("." for the folder itself), or null when it is not at or below it.</summary>
    public static string? Within(string path, string folder)
    {
        if (folder == ".")
            return path;
        if (path == folder)
            return ".";
        return path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : null;
    }

    /// <summary>The path seen from a folder it is known to be at or below (a path elsewhere is a bug in the caller).</summary>
    public static string Under(string path, string folder) =>
        Within(path, folder) ?? throw new ArgumentException($"'{path}' is not at or below '{folder}'", nameof(path));

    /// <summary>
    /// <paramref name="path"/> followed from <paramref name="folder"/> as a file system would, "." and ".." collapsed, without a
    /// leading or trailing slash ("" for the top): ("usr/lib", "../bin/./python") → "usr/bin/python". ".." never climbs above the top.
    /// </summary>
    public static string Resolve(string folder, string path)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>The way back up from a folder to the root: "backend/api" → "../..".</summary>
    public static string Up(string folder) => folder is "." ? "." : string.Join('/', folder.Split('/').Select(_ => ".."));
}
