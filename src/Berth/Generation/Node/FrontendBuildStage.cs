using System.Text;
using Berth.Apps;

namespace Berth.Generation.Node;

/// <summary>
/// The Node stage that builds a frontend another service serves (<see cref="ServedFrontend"/>): the package's lock installed with
/// its package manager as the Node image does (<see cref="NodeInstall"/>), its build script run with the bundler's build-time
/// variables as ARGs, and only the output folder copied into the serving service's runtime at the path the app reads, owned by root.
/// Paths inside the stage mirror the build context under <see cref="SourceFolder"/>, so an output folder outside the package
/// (<c>outDir: '../backend/static'</c>) lands where it would on a laptop.
/// </summary>
public sealed record FrontendBuildStage(ServedFrontend Frontend, ServiceProfile Builder, NodeInstall Install, string Context, string AppDirectory)
{
    public const string StageName = "frontend";
    public const string SourceFolder = "/src";

    /// <summary>The stage for the service's served frontend, or null when it serves none.</summary>
    public static FrontendBuildStage? For(ServiceProfile profile, string appDirectory) =>
        profile.ServedFrontend is { Builder: { } builder } frontend
            ? new FrontendBuildStage(frontend, builder, NodeInstall.For(builder), profile.BuildContext, appDirectory)
            : null;

    /// <summary>The node image the stage builds on: the Node major the frontend states, or Berth's default.</summary>
    public string Image => $"node:{Frontend.NodeVersion}-bookworm-slim";

    /// <summary>The bundler's build-time variables (VITE_*, REACT_APP_*): build ARGs of the stage.</summary>
    public IReadOnlyList<string> BuildArguments => Builder.Env.Where(e => e.BuildTime).Select(e => e.Name).ToList();

    /// <summary>The folder the build writes, relative to the scan root.</summary>
    public string Output => Apps.Python.ServedFolders.Normalise(Frontend.Package, Frontend.Output)
        ?? throw new InputException(Frontend.Package, 0, $"the build output '{Frontend.Output}' is outside the repository");

    /// <summary>Where the output is in the stage.</summary>
    public string OutputInStage => InStage(RelativePath.Under(Output, Context));

    /// <summary>Where the app reads it in the runtime: the service folder is <see cref="AppDirectory"/>.</summary>
    public string OutputInRuntime(ServiceProfile profile)
    {
        var fromService = ServedFrontendLinker.Relative(Output, profile.Path);
        return "/" + (Apps.Python.ServedFolders.Normalise(AppDirectory.TrimStart('/'), fromService)
            ?? throw new InputException(Frontend.Source, 0, $"{profile.Name} reads its frontend from {fromService}, above the root of the image"));
    }

    public string Decision =>
        $"frontend stage: {Frontend.Package} ({Frontend.PackageManager}{(Frontend.LockFile is null ? ", no lock file" : " with " + Frontend.LockFile)}) built on {Image} with " +
        $"`{Install.RunScript(Builder, Frontend.BuildScript)}` (\"{Frontend.BuildCommand}\"); only {Output} is copied into the runtime, owned by root, " +
        $"where the app serves it ({Frontend.ServedBy}{(Frontend.Route is null ? "" : " at " + Frontend.Route)}, {Frontend.Source})" +
        (BuildArguments.Count > 0 ? $"; fixed at build time: {string.Join(", ", BuildArguments)} (build ARGs: the bundler inlines them)" : "");

    public void Write(StringBuilder text)
    {
        var package = RelativePath.Under(Builder.BuildContext, Context);
        var workdir = InStage(package);
        text.Append("# ---- frontend: ").Append(Frontend.Package).Append(" built with Node; its `").Append(Frontend.BuildScript).Append("` script writes ")
            .Append(RelativePath.Under(Output, Context)).Append(", which the app serves ----\n");
        text.Append("FROM ${FRONTEND_IMAGE} AS ").Append(StageName).Append('\n');
        text.Append("WORKDIR ").Append(workdir).Append('\n');
        if (Install.UsesCorepack)
            text.Append("RUN corepack enable\n");
        var prefix = package == "." ? "" : package + "/";
        var rootFiles = Install.InstallFiles.Where(f => !f.Contains('/', StringComparison.Ordinal)).Select(f => prefix + f).ToList();
        text.Append("COPY ").Append(string.Join(' ', rootFiles)).Append(" ./\n");
        foreach (var file in Install.InstallFiles.Where(f => f.Contains('/', StringComparison.Ordinal)))
            text.Append("COPY ").Append(prefix).Append(file).Append(' ').Append(RelativePath.Parent(file)).Append("/\n");
        text.Append("RUN --mount=type=cache,target=").Append(Install.CacheTarget).Append(" \\\n    ").Append(Install.FullInstall).Append('\n');
        text.Append("COPY ").Append(package == "." ? "." : package + "/").Append(" ./\n");
        if (BuildArguments.Count > 0)
        {
            text.Append("# Inlined into the bundle by the build: pass --build-arg NAME=value; setting them when the container starts changes nothing.\n");
            foreach (var name in BuildArguments)
                text.Append("ARG ").Append(name).Append('\n');
        }
        text.Append("RUN ").Append(Install.RunScript(Builder, Frontend.BuildScript)).Append('\n');
    }

    /// <summary>The runtime's copy of the built frontend, after the app's own files.</summary>
    public void WriteCopy(StringBuilder text, ServiceProfile profile)
    {
        text.Append("# The frontend built in the ").Append(StageName).Append(" stage, where the app reads it (").Append(Frontend.Source).Append("); owned by root, read-only to the service user.\n");
        text.Append("COPY --from=").Append(StageName).Append(' ').Append(OutputInStage).Append(' ').Append(OutputInRuntime(profile)).Append('\n');
    }

    /// <summary>What stays out of the widened build context: the frontend's node_modules and its own build output.</summary>
    public IgnoreSection IgnoreSection()
    {
        var package = RelativePath.Under(Frontend.Package, Context);
        var patterns = new List<string> { "**/node_modules", RelativePath.Under(Output, Context) };
        if (package != ".")
            patterns.Insert(0, RelativePath.Join(package, "node_modules"));
        return new IgnoreSection($"The frontend package {Frontend.Package}: its dependencies and build output (the frontend stage installs and builds them)", patterns.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string InStage(string inContext) => inContext == "." ? SourceFolder : SourceFolder + "/" + inContext;
}
