namespace Berth.Generation;

/// <summary>
/// Writes generated files under one output folder and nowhere else: existing files that differ are kept unless forced
/// (a diff is returned instead), writes go to a temporary file first and then replace the target, and a dry run writes nothing.
/// </summary>
public sealed class ArtifactWriter
{
    private readonly string _root;
    private readonly bool _force;
    private readonly bool _dryRun;

    public ArtifactWriter(string outputRoot, bool force, bool dryRun)
    {
        _root = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        _force = force;
        _dryRun = dryRun;
    }

    /// <summary>Checks where a file would go, before anything is written: throws for a path that leaves the output folder.</summary>
    public string Target(GeneratedFile file)
    {
        var full = Path.GetFullPath(Path.Combine(_root, file.Path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InputException(file.Path, 0, $"refusing to write outside the output folder '{_root}'");
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            var resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (resolved is null || !Path.GetFullPath(resolved).StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InputException(file.Path, 0, $"refusing to write through a symbolic link that points outside the output folder ({info.LinkTarget})");
        }
        if (Directory.Exists(full))
            throw new InputException(file.Path, 0, "a folder is in the way of this file");
        return full;
    }

    public FileResult Write(GeneratedFile file)
    {
        var target = Target(file);
        if (File.Exists(target))
        {
            var existing = File.ReadAllText(target);
            if (existing == file.Content)
                return new FileResult(file, FileOutcome.Unchanged, null);
            var diff = LineDiff.Unified(existing, file.Content, file.Path + " (existing)", file.Path + " (berth init)");
            if (_dryRun)
                return new FileResult(file, FileOutcome.WouldUpdate, diff);
            if (!_force)
                return new FileResult(file, FileOutcome.Kept, diff);
            Replace(target, file.Content);
            return new FileResult(file, FileOutcome.Updated, diff);
        }
        if (_dryRun)
            return new FileResult(file, FileOutcome.WouldCreate, null);
        Replace(target, file.Content);
        return new FileResult(file, FileOutcome.Created, null);
    }

    private static void Replace(string target, string content)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.berth-{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
