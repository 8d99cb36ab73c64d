namespace Berth.Tests.Apps.Python.Manifests;

/// <summary>A fresh temporary folder holding the given files (relative '/' path → content); deleted on Dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(IReadOnlyDictionary<string, string> files)
    {
        Root = Path.Combine(Path.GetTempPath(), "berth-manifests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content.ReplaceLineEndings("\n"));
        }
    }

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
