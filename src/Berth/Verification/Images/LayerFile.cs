namespace Berth.Verification.Images;

public enum LayerFileKind
{
    File,
    Directory,
    Symlink,
    Hardlink,
    Other,

    /// <summary>An overlay whiteout: the path is deleted from the layers below.</summary>
    Whiteout,

    /// <summary>An opaque-directory marker: everything the lower layers had under the path is hidden.</summary>
    OpaqueDirectory,
}

/// <summary>
/// One entry of a layer tar: a path without leading '/', its size, kind, mode bits and owner, a link's target, and for small executables the
/// interpreter named by the first line (<c>#!/opt/venv/bin/python</c>).
/// </summary>
public sealed record LayerFile(string Path, long Size, LayerFileKind Kind, int Mode = 0, int Uid = 0, string? LinkTarget = null, string? Shebang = null)
{
    public bool IsExecutable => (Mode & 0b001_001_001) != 0;
}

/// <summary>A layer of an image: its position, the history line that made it, its size and its entries in tar order.</summary>
public sealed record ImageLayer(int Index, string CreatedBy, long Size, IReadOnlyList<LayerFile> Files)
{
    /// <summary>
    /// Layer <paramref name="index"/> of <paramref name="layerCount"/> from its entries: its size is its files' sizes, its history line the
    /// matching one of <paramref name="history"/> (the config's lines that made layers) when there is one per layer, else empty.
    /// </summary>
    internal static ImageLayer Of(int index, int layerCount, IReadOnlyList<string> history, IReadOnlyList<LayerFile> files) =>
        new(index, history.Count == layerCount ? history[index] : "", files.Where(f => f.Kind == LayerFileKind.File).Sum(f => f.Size), files);
}
