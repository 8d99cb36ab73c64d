namespace Berth.EndToEnd.Workspace;

/// <summary>Copies an example tree (hidden files such as .env included; Python caches left behind).</summary>
public static class DirectoryCopy
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "__pycache__", ".pytest_cache", ".venv", ".mypy_cache" };

    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (!Skipped.Contains(name))
                Copy(directory, Path.Combine(destination, name));
        }
    }

    /// <summary>Every file under <paramref name="root"/>, relative, '/'-separated, sorted.</summary>
    public static IReadOnlyList<string> ListFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
