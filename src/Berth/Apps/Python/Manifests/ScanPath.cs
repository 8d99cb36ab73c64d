namespace Berth.Apps.Python.Manifests;

/// <summary>Paths relative to the scan root with '/' separators, "." for the root itself.</summary>
internal static class ScanPath
{
    /// <summary>A manifest larger than this is an input error rather than something to read.</summary>
    public const long MaxManifestBytes = 8 * 1024 * 1024;

    public static string Normalize(string relative)
    {
        var parts = new List<string>();
        foreach (var part in relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    throw new ArgumentException($"'{relative}' leaves the scan root", nameof(relative));
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    /// <summary>A service folder given by the caller, normalised; an input error when it leaves the scan root.</summary>
    public static string Service(string serviceDirectory)
    {
        try
        {
            return Normalize(serviceDirectory);
        }
        catch (ArgumentException)
        {
            throw new InputException(serviceDirectory, 0, "the service folder is outside the scanned folder");
        }
    }

    /// <summary>Joins a folder and a relative path, resolving "..": null when the result leaves the scan root.</summary>
    public static string? TryJoin(string directory, string relative)
    {
        var joined = directory == "." ? relative : directory + "/" + relative;
        try
        {
            return Normalize(joined);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string Join(string directory, string name) => RelativePath.Join(directory, name);

    public static string DirectoryOf(string file) => RelativePath.Parent(file);

    public static string FileName(string file) => RelativePath.FileName(file);

    /// <summary>The folder itself, then each ancestor up to and including the scan root.</summary>
    public static IEnumerable<string> SelfAndAncestors(string directory)
    {
        var current = directory;
        while (true)
        {
            yield return current;
            if (current == ".")
                yield break;
            current = DirectoryOf(current);
        }
    }

    /// <summary>The path of <paramref name="path"/> seen from <paramref name="ancestor"/>, or null when it is not below it.</summary>
    public static string? RelativeTo(string ancestor, string path) => RelativePath.Within(path, ancestor);

    public static string CommonAncestor(IEnumerable<string> directories)
    {
        string? common = null;
        foreach (var directory in directories)
        {
            if (common is null)
            {
                common = directory;
                continue;
            }

            while (RelativeTo(common, directory) is null)
                common = DirectoryOf(common);
        }

        return common ?? ".";
    }

    public static string Full(string scanRoot, string relative) =>
        relative == "." ? Path.GetFullPath(scanRoot) : Path.GetFullPath(Path.Combine(scanRoot, relative.Replace('/', Path.DirectorySeparatorChar)));

    public static bool FileExists(string scanRoot, string relative) => File.Exists(Full(scanRoot, relative));

    public static bool DirectoryExists(string scanRoot, string relative) => Directory.Exists(Full(scanRoot, relative));

    public static string ReadText(string scanRoot, string relative)
    {
        var info = new FileInfo(Full(scanRoot, relative));
        if (info.Length > MaxManifestBytes)
            throw new InputException(relative, 0, $"file is larger than {MaxManifestBytes / (1024 * 1024)} MiB; not reading it");
        return ManifestText.Checked(relative, SourceTree.ReadRegularText(info, relative));
    }

    /// <summary>File names directly inside a folder, ordinal order.</summary>
    public static IReadOnlyList<string> FilesIn(string scanRoot, string directory)
    {
        var full = Full(scanRoot, directory);
        if (!Directory.Exists(full))
            return [];
        var names = Directory.EnumerateFiles(full).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Subfolder names directly inside a folder, ordinal order.</summary>
    public static IReadOnlyList<string> DirectoriesIn(string scanRoot, string directory)
    {
        var full = Full(scanRoot, directory);
        if (!Directory.Exists(full))
            return [];
        var names = Directory.EnumerateDirectories(full).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
