namespace Berth.Verification.Images;

/// <summary>
/// The filesystem a container of the image sees: the layers stacked bottom-up with overlay semantics (a whiteout deletes a path and
/// everything under it, an opaque marker hides what lower layers had in a folder). Lookups follow symlinks like the kernel would.
/// </summary>
public sealed class ImageFileSystem
{
    private const int MaxSymlinkHops = 40;
    private readonly Dictionary<string, PlacedFile> _files = new(StringComparer.Ordinal);

    public ImageFileSystem(IReadOnlyList<ImageLayer> layers)
    {
        foreach (var layer in layers)
            Apply(layer);
    }

    /// <summary>Every path present, with the layer that put it there.</summary>
    public IEnumerable<PlacedFile> Files => _files.Values;

    public PlacedFile? Entry(string path) => _files.GetValueOrDefault(ImageArchiveReader.Normalize(path));

    /// <summary>The entry a path leads to once every symlink along it is followed; null when it leads nowhere (or loops).</summary>
    public PlacedFile? Resolve(string path)
    {
        var resolved = ResolvePath(path);
        return resolved is null ? null : _files.GetValueOrDefault(resolved);
    }

    /// <summary>The real path (no symlinks) <paramref name="path"/> leads to, or null.</summary>
    public string? ResolvePath(string path)
    {
        var pending = new Stack<string>(ImageArchiveReader.Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            resolved.Add(part);
            var current = string.Join('/', resolved);
            if (!_files.TryGetValue(current, out var entry))
                continue; // layers need not list every parent folder: a missing entry is an implicit directory
            if (entry.File.Kind == LayerFileKind.Symlink && entry.File.LinkTarget is { Length: > 0 } target)
            {
                if (++hops > MaxSymlinkHops)
                    return null;
                resolved.RemoveAt(resolved.Count - 1);
                if (target.StartsWith('/'))
                    resolved.Clear();
                foreach (var piece in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(piece);
            }
            else if (entry.File.Kind == LayerFileKind.Hardlink && entry.File.LinkTarget is { Length: > 0 } linked && pending.Count == 0)
            {
                return _files.ContainsKey(linked) ? linked : current;
            }
        }
        return string.Join('/', resolved);
    }

    /// <summary>True when the path leads to a regular file with an execute bit.</summary>
    public bool IsExecutableFile(string path) => Resolve(path) is { File: { Kind: LayerFileKind.File or LayerFileKind.Hardlink } file } && (file.IsExecutable || file.Kind == LayerFileKind.Hardlink);

    /// <summary>Looks a program name up in PATH (colon-separated folders) the way execvp does.</summary>
    public string? FindOnPath(string program, string? pathVariable)
    {
        if (program.Contains('/'))
            return IsExecutableFile(program) ? "/" + ImageArchiveReader.Normalize(program) : null;
        foreach (var folder in (pathVariable ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = folder.TrimEnd('/') + "/" + program;
            if (IsExecutableFile(candidate))
                return candidate;
        }
        return null;
    }

    private void Apply(ImageLayer layer)
    {
        foreach (var opaque in layer.Files.Where(f => f.Kind == LayerFileKind.OpaqueDirectory))
            RemoveChildren(opaque.Path);
        foreach (var file in layer.Files)
        {
            switch (file.Kind)
            {
                case LayerFileKind.OpaqueDirectory:
                    break;
                case LayerFileKind.Whiteout:
                    _files.Remove(file.Path);
                    RemoveChildren(file.Path);
                    break;
                default:
                    if (file.Kind != LayerFileKind.Directory && _files.TryGetValue(file.Path, out var previous) && previous.File.Kind == LayerFileKind.Directory)
                        RemoveChildren(file.Path);
                    _files[file.Path] = new PlacedFile(file, layer.Index);
                    break;
            }
        }
    }

    private void RemoveChildren(string directory)
    {
        var prefix = directory.Length == 0 ? "" : directory + "/";
        foreach (var key in _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length).ToList())
            _files.Remove(key);
    }
}

/// <summary>A file of the stacked filesystem and the index of the layer it came from.</summary>
public sealed record PlacedFile(LayerFile File, int Layer)
{
    public string Path => File.Path;
}
