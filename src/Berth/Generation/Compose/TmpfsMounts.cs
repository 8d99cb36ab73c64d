using Berth.Apps;

namespace Berth.Generation.Compose;

/// <summary>The tmpfs mounts a read-only root filesystem needs.</summary>
public static class TmpfsMounts
{
    /// <summary>tmpfs mounts for the paths the process writes, owned by its user; a file's folder for a file.</summary>
    public static IReadOnlyList<string> For(ContainerContract contract) =>
        contract.WritablePaths
            .Select(w => Path.HasExtension(w.Path) && w.Path != "/tmp" ? RelativePath.Parent(w.Path) : w.Path.TrimEnd('/'))
            .Where(p => p.StartsWith('/') && p.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .Select(p => $"{p}:uid={contract.Uid},gid={contract.Gid},mode=0700")
            .ToList();
}
