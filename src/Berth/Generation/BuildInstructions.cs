using System.Text;
using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// The lines of a generated Dockerfile's header that say how to build it: the true build context, named from the folder that holds
/// the Dockerfile, with the exact command when that context is elsewhere (a workspace root, or the sources when --out wrote the file
/// away from them), and the base-image build argument a private mirror uses.
/// </summary>
public static class BuildInstructions
{
    public static void Append(StringBuilder text, ServiceProfile profile, OutputLayout layout, string runtimeImage)
    {
        var context = layout.BuildContextFromDockerfile(profile);
        if (context == ".")
        {
            text.Append("# Build from the folder that holds this file; base images are build arguments so a private mirror can replace them:\n");
        }
        else
        {
            var widened = profile.ServedFrontend is { } frontend && frontend.OwnBuildContext != profile.BuildContext
                ? $"the common root of {profile.Path} and of {frontend.Package}, whose build it serves"
                : null;
            var why = (layout.Mirrored, profile.BuildContext != profile.Path) switch
            {
                (true, true) when widened is not null => widened + ", in the sources; this file was written under --out, away from them",
                (false, true) when widened is not null => widened,
                (true, true) => "the workspace root in the sources; this file was written under --out, away from them",
                (true, false) => "the service's sources; this file was written under --out, away from them",
                _ => "the workspace root",
            };
            text.Append("# Build context: ").Append(Quoted(context)).Append(" from the folder that holds this file (").Append(why).Append("). In that folder:\n");
            text.Append("#   docker build -f Dockerfile ").Append(Quoted(context)).Append('\n');
            text.Append("# Base images are build arguments so a private mirror can replace them:\n");
        }
        text.Append("#   docker build --build-arg RUNTIME_IMAGE=registry.example.com/").Append(runtimeImage).Append(" ...\n\n");
    }

    private static string Quoted(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\') ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : path;
}
