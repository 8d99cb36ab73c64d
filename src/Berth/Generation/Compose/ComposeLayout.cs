namespace Berth.Generation.Compose;

/// <summary>
/// Where compose.yaml sits (the output root: the scan root, or --out) against the sources (the scan root), so build contexts,
/// Dockerfiles and .env files are named relative to it, as compose resolves them.
/// </summary>
public sealed record ComposeLayout(string SourceRoot, string OutputRoot)
{
    public const string FileName = "compose.yaml";

    /// <summary>The env file with the development services' placeholder credentials and the URLs apps reach them at.</summary>
    public const string EnvFileName = ".env.compose";

    /// <summary>A source path (relative to the scan root) as compose.yaml names it.</summary>
    public string FromCompose(string sourceRelative) => Relative(Full(OutputRoot), Source(sourceRelative));

    /// <summary>A generated file (relative to the output root) as seen from a build context (relative to the scan root): compose's <c>dockerfile</c>.</summary>
    public string DockerfileFromContext(string contextRelative, string dockerfileOutputRelative) =>
        Relative(Source(contextRelative), Path.Combine(Full(OutputRoot), dockerfileOutputRelative.Replace('/', Path.DirectorySeparatorChar)));

    private string Source(string relative) =>
        relative is "." or "" ? Full(SourceRoot) : Path.Combine(Full(SourceRoot), relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Full(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace(Path.DirectorySeparatorChar, '/');
}
