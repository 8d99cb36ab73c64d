using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// Where <c>berth init</c> writes against where the sources are: into each service's own folder (in place), or mirrored under
/// <c>--out</c>. A generated file that names its build context names it from its own folder, since that is where it is read.
/// </summary>
public sealed record OutputLayout(string SourceRoot, string OutputRoot, bool Mirrored)
{
    public static OutputLayout InPlace(string sourceRoot) => new(sourceRoot, sourceRoot, false);

    /// <summary>The service's build context as seen from the folder its Dockerfile is written to ("." when it is that folder).</summary>
    public string BuildContextFromDockerfile(ServiceProfile profile) =>
        Path.GetRelativePath(Under(OutputRoot, profile.Path), Under(SourceRoot, profile.BuildContext)).Replace(Path.DirectorySeparatorChar, '/');

    private static string Under(string root, string relative)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        return relative is "." or "" ? full : Path.Combine(full, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
