using Berth.Apps;
using Berth.Apps.Node;

namespace Berth.Generation.Node;

/// <summary>
/// Every decision behind a Node service's Dockerfile, made once from the profile and the options, with the reason for each: the
/// Dockerfile writer renders it and <c>berth init</c> prints it.
/// </summary>
public sealed record NodeImagePlan : IServiceImagePlan
{
    public const string AppDirectory = "/app";
    public const string TiniPath = "/usr/local/bin/tini";
    public const string DistrolessNode = "/nodejs/bin/node";
    public const int SlimUid = 1000;
    public const int DistrolessUid = 65532;

    /// <summary>Seconds Berth gives a Node server to finish after SIGTERM (what verify and orchestrators wait).</summary>
    public const int GracefulStopSeconds = 10;

    public required ServiceProfile Profile { get; init; }
    public required RuntimeFlavor Runtime { get; init; }
    public required string NodeMajor { get; init; }
    public required string BuildImage { get; init; }
    public required string RuntimeImage { get; init; }
    public required int Uid { get; init; }

    /// <summary>Run under tini as PID 1: nothing in the code proves it handles SIGTERM.</summary>
    public required bool UseTini { get; init; }

    public required HealthRoute? HealthRoute { get; init; }

    /// <summary>Where the service folder sits inside the build context ("." when they are the same).</summary>
    public required string ServiceInContext { get; init; }

    /// <summary>Build-time variables (NEXT_PUBLIC_*, VITE_*, next.config env…): build ARGs of the build stage.</summary>
    public required IReadOnlyList<string> BuildArguments { get; init; }

    public required NodeInstall Install { get; init; }

    /// <summary>The command that runs the build script (npm run build, pnpm --filter web run build…), or null when the app has none.</summary>
    public required string? BuildCommand { get; init; }

    public required IReadOnlyList<string> Decisions { get; init; }

    public NodeFacts Node => Profile.NodePart();

    /// <summary>The runtime's working folder: the service folder inside /app.</summary>
    public string WorkingDirectory => ServiceInContext == "." ? AppDirectory : AppDirectory + "/" + ServiceInContext;

    /// <summary>The node binary in the runtime image (distroless has no PATH entry for it).</summary>
    public string NodeBinary => Runtime == RuntimeFlavor.Distroless ? DistrolessNode : "node";

    public bool Standalone => Node.Kind == "next" && Node.NextOutput == "standalone";

    /// <summary>The process the image starts, as argv.</summary>
    public IReadOnlyList<string> Command
    {
        get
        {
            IReadOnlyList<string> app = Node.Kind switch
            {
                "static" => [NodeBinary, NodeStaticServer.FileName],
                "next" when Standalone => [NodeBinary, "server.js"],
                "next" => [NodeBinary, "node_modules/next/dist/bin/next", "start", "--hostname", "0.0.0.0", "--port", Profile.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                _ => [NodeBinary, Node.Entry!],
            };
            return UseTini ? [TiniPath, "--", .. app] : app;
        }
    }

    public ContainerContract Container => new()
    {
        Image = Profile.Name,
        Uid = Uid,
        Gid = Uid,
        Port = Profile.Port,
        Command = Command,
        Liveness = HealthRoute,
        Readiness = HealthRoute,
        WritablePaths = [new WritablePath("/tmp", "temporary files (os.tmpdir())", "berth default"),
            .. WritableMount.Folders(Profile.WritablePaths, WorkingDirectory)],
        GracefulStopSeconds = GracefulStopSeconds,
        Processes = 1,
        BuildArguments = BuildArguments,
        BaseImage = RuntimeImage,
    };

    public IReadOnlyList<GeneratedFile> Files(OutputLayout layout) =>
        ServiceArtifacts.For(Profile, NodeDockerfileWriter.Write(this, layout), DockerignoreWriter.Write(Profile, NodeDockerignore.Sections(Profile)), layout.Mirrored);

    public static NodeImagePlan For(ServiceProfile profile, GenerationOptions options)
    {
        var node = profile.NodePart();
        var decisions = new List<string>();
        var major = profile.Runtime.Version;
        var distroless = options.Runtime == RuntimeFlavor.Distroless;
        var buildImage = $"node:{major}-bookworm-slim";
        var runtimeImage = distroless ? $"gcr.io/distroless/nodejs{major}-debian12:nonroot" : buildImage;
        decisions.Add($"Node.js {major} ({profile.Runtime.VersionSource}): builds on {buildImage}, runs on {runtimeImage}");

        if (options.Server is not null || options.Workers is not null || options.Installer != InstallerChoice.Auto)
            decisions.Add("--server, --workers and --installer are Python options; a Node service ignores them");

        var install = NodeInstall.For(profile);
        decisions.Add(install.Decision);

        var serviceInContext = RelativePath.Under(profile.Path, profile.BuildContext);
        if (profile.BuildContext != profile.Path)
            decisions.Add($"workspace member: built from the workspace root '{profile.BuildContext}'; only the lock and the package.json files of {node.WorkspaceMembers.Count} member(s) are copied before the install (a layer source edits do not invalidate)");

        string? buildCommand = node.BuildScript is null ? null : install.RunScript(profile, node.BuildScript);
        if (buildCommand is not null)
            decisions.Add($"build stage runs `{buildCommand}` (\"{node.Scripts[node.BuildScript!]}\") with every dependency installed");

        var buildArguments = profile.Env.Where(e => e.BuildTime).Select(e => e.Name).ToList();
        if (buildArguments.Count > 0)
            decisions.Add($"fixed at build time: {string.Join(", ", buildArguments)} (build ARGs of the build stage: the bundler inlines them, so setting them when the container starts changes nothing; pass --build-arg NAME=value)");

        switch (node.Kind)
        {
            case "next" when node.NextOutput == "standalone":
                decisions.Add("Next.js standalone output: the runtime copies .next/standalone, .next/static" + (node.HasPublicFolder ? " and public/" : "") +
                              " and runs node server.js with HOSTNAME=0.0.0.0 and NEXT_TELEMETRY_DISABLED=1; .next/cache is a build cache mount");
                break;
            case "next":
                decisions.Add("next.config has no output: 'standalone': the runtime carries the production node_modules (next, react and every other dependency, " +
                              "typically 100–300 MB more than the standalone server's traced files) and runs next start; add output: 'standalone' to " +
                              (node.NextConfigFile is null ? "a next.config.mjs" : RelativePath.FileName(node.NextConfigFile)) + " to shrink the image (Berth does not edit it)");
                break;
            case "static":
                decisions.Add($"static site: the build writes {node.StaticOutput}/, served by a small Node static file server Berth writes into the image " +
                              $"({NodeStaticServer.FileName}: GET/HEAD only, index.html for paths without an extension, immutable caching for assets/, SIGTERM closes it) on port {profile.Port} as a non-root user");
                break;
            default:
                decisions.Add($"runtime runs node {node.Entry} directly (never npm start: npm as PID 1 does not pass SIGTERM on)");
                break;
        }

        var useTini = node.Kind != "static" && node.SigtermHandler is null;
        decisions.Add(useTini
            ? "runs under tini (Debian's statically linked tini-static): Node as PID 1 ignores SIGTERM unless the app handles it, and nothing in the code shows it does"
            : node.Kind == "static" ? "no init process: Berth's static server stops on SIGTERM" : $"no init process: the app handles SIGTERM itself ({node.SigtermHandler})");

        var health = profile.Health.FirstOrDefault(h => h.Methods.Contains("GET"));
        decisions.Add(health is null
            ? $"HEALTHCHECK opens a TCP connection to port {profile.Port} with node (no health route found)"
            : $"HEALTHCHECK GET {health.Path} with node -e fetch (the image has no curl or wget)");
        var uid = distroless ? DistrolessUid : SlimUid;
        decisions.Add($"runs as uid {uid} ({(distroless ? "distroless nonroot" : "the image's node user")}, numeric, non-root), exec-form command, EXPOSE {profile.Port}");

        if (node.NativeModules.Count > 0)
            decisions.Add($"native modules ({string.Join(", ", node.NativeModules)}) are installed on {buildImage}, the same Debian glibc as the runtime");

        return new NodeImagePlan
        {
            Profile = profile,
            Runtime = options.Runtime,
            NodeMajor = major,
            BuildImage = buildImage,
            RuntimeImage = runtimeImage,
            Uid = uid,
            UseTini = useTini,
            HealthRoute = health,
            ServiceInContext = serviceInContext,
            BuildArguments = buildArguments,
            Install = install,
            BuildCommand = buildCommand,
            Decisions = decisions,
        };
    }
}
