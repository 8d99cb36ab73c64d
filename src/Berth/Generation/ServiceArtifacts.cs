using Berth.Apps;

namespace Berth.Generation;

/// <summary>The files <c>berth init</c> writes for one service, placed under its folder (or its mirror under --out).</summary>
public static class ServiceArtifacts
{
    /// <param name="dockerfile">The stack's Dockerfile text.</param>
    /// <param name="ignore">The stack's .dockerignore text.</param>
    public static IReadOnlyList<GeneratedFile> For(ServiceProfile profile, string dockerfile, string ignore, bool mirroredOutput)
    {
        var folder = profile.Path;
        string In(string name) => folder is "." ? name : folder + "/" + name;
        var files = new List<GeneratedFile>
        {
            new(In("Dockerfile"), dockerfile, "multi-stage image"),
            new(In(".dockerignore"), ignore, "build context filter"),
            new(In(".env.example"), EnvExampleWriter.Write(profile), $"{profile.Env.Count} variable{(profile.Env.Count == 1 ? "" : "s")}, {profile.Env.Count(e => e.Required)} required"),
        };
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile when the context root is elsewhere
        // (a workspace member built from the repo root, or files written under --out).
        if (mirroredOutput || profile.BuildContext != profile.Path)
            files.Add(new GeneratedFile(In("Dockerfile.dockerignore"), ignore, "context filter BuildKit uses with -f"));
        return files;
    }
}
