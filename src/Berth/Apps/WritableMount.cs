namespace Berth.Apps;

/// <summary>
/// Where a writable mount goes for a path the app writes, the same in every place Berth runs or describes the container
/// (verify's tmpfs, compose's tmpfs, Kubernetes' emptyDir, lint BK8710): a folder is mounted itself, a file's folder is
/// mounted for a file (SQLite writes its journal beside the database, and a mount at a file's path would turn it into a folder).
/// Never the working folder itself or the root: a mount there would hide the app's own code; null then.
/// </summary>
public static class WritableMount
{
    public static string? FolderOf(string absolutePath, string workingFolder)
    {
        var trimmed = absolutePath.Length > 1 ? absolutePath.TrimEnd('/') : absolutePath;
        var folder = absolutePath.EndsWith('/') || trimmed == "/tmp" || !Path.HasExtension(trimmed) ? trimmed : RelativePath.Parent(trimmed);
        return folder.Length <= 1 || folder == workingFolder.TrimEnd('/') || !folder.StartsWith('/') ? null : folder;
    }

    /// <summary>The folders to mount writable for the profile's paths, absolute, each with the reason and source of the first path needing it.</summary>
    public static IEnumerable<WritablePath> Folders(IEnumerable<WritablePath> paths, string workingFolder) =>
        paths.Select(w => (Path: w.Path.StartsWith('/') ? w.Path : workingFolder + "/" + (w.Path.StartsWith("./", StringComparison.Ordinal) ? w.Path[2..] : w.Path), Written: w))
            .Select(p => (Folder: FolderOf(p.Path, workingFolder), p.Written))
            .Where(p => p.Folder is not null)
            .GroupBy(p => p.Folder!, StringComparer.Ordinal)
            .Select(g => g.First().Written with { Path = g.Key, Reason = string.Join("; ", g.Select(p => p.Written.Reason).Distinct(StringComparer.Ordinal)) });

    /// <summary>
    /// Whether what is written there is data the app keeps (a SQLite database, uploads, saved files) rather than logs or caches:
    /// a tmpfs or emptyDir loses it when the container stops, so a named volume or PersistentVolumeClaim is the place for it.
    /// </summary>
    public static bool KeepsData(WritablePath path) =>
        path.Reason.Contains("SQLite database", StringComparison.Ordinal) || path.Reason.Contains("uploads (", StringComparison.Ordinal)
        || path.Reason.Contains("saved there", StringComparison.Ordinal);
}
