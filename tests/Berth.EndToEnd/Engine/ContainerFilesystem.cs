using Berth.Verification.Engine;
using System.Formats.Tar;

namespace Berth.EndToEnd.Engine;

/// <summary>Looks inside a container's filesystem without a shell in it (<c>docker export</c> streamed through a tar reader).</summary>
public static class ContainerFilesystem
{
    /// <summary>Paths of every entry whose file name matches <paramref name="isSuspect"/>.</summary>
    public static async Task<(IReadOnlyList<string> Paths, CommandResult Result)> FindAsync(
        DockerCli engine, string containerId, Func<string, bool> isSuspect, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var result = await engine.ExportAsync(containerId, async (stream, token) =>
        {
            await using var reader = new TarReader(stream, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, token) is { } entry)
            {
                var name = entry.Name.TrimEnd('/');
                if (isSuspect(Path.GetFileName(name)))
                    found.Add("/" + name.TrimStart('.', '/'));
            }
        }, cancellationToken);
        return (found, result);
    }
}
