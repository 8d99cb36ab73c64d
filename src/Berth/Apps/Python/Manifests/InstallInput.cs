namespace Berth.Apps.Python.Manifests;

/// <summary>
/// A file or folder the dependency install reads besides the manifest and the lock (a requirements file pulled in with -r or -c, a
/// local package installed from its folder, the readme its build backend reads), relative to the scan root, with where it is named.
/// </summary>
public sealed record InstallInput(string Path, bool IsFolder, string File, int Line)
{
    public string Source => Line > 0 ? $"{File}:{Line}" : File;
}
