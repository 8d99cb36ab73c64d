using Berth.Apps;
using Berth.Apps.Python;
using Berth.Dockerfiles;

namespace Berth.Verification;

/// <summary>
/// What verify works on, settled before anything touches the engine: the app's profile (when PATH holds a service), the Dockerfile
/// and build context, and the base image the Dockerfile's final stage builds on. Bad input raises <see cref="InputException"/>.
/// </summary>
public sealed record VerifyTarget(string Name, ServiceProfile? Profile, string? Dockerfile, string? BuildContext, string? BaseImage, IReadOnlyList<string> Notes)
{
    public static VerifyTarget Resolve(VerifyOptions options)
    {
        var notes = new List<string>();
        var appPath = options.AppPath ?? (options.Image is null ? "." : null);
        ServiceProfile? profile = null;
        string? root = null;
        if (appPath is not null)
        {
            root = Path.GetFullPath(appPath);
            if (!Directory.Exists(root))
                throw new InputException(appPath, 0, "no such folder");
            IReadOnlyList<ServiceProfile> services;
            try
            {
                services = RepositoryScanner.Scan(root).Services;
            }
            catch (InputException e) when (options.Image is not null || File.Exists(options.Dockerfile ?? Path.Combine(root, "Dockerfile")))
            {
                // Not a Python service Berth can read (or one it cannot parse): the image can still be verified from its own config.
                notes.Add($"{e.Location}: {e.Message}");
                services = [];
            }
            catch (InputException e) when (e.Line == 0)
            {
                throw new InputException(appPath, 0,
                    $"no Dockerfile here, and {e.Message}: write one with `berth init`, or pass --dockerfile FILE or --image REF");
            }
            profile = services.Count switch
            {
                0 => null,
                1 => services[0],
                _ => services.FirstOrDefault(s => s.Path == ".")
                     ?? throw new InputException(appPath, 0,
                         $"holds {services.Count} services ({string.Join(", ", services.Select(s => s.Path))}): point verify at one of them"),
            };
            if (profile is null)
                notes.Add($"no web service found under {appPath}: checks that need the app (port, health routes, required settings) use the image's own HEALTHCHECK and EXPOSE");
        }

        string? dockerfile = null;
        string? context = null;
        if (options.Image is null)
        {
            var serviceFolder = profile is null ? root! : Path.GetFullPath(Path.Combine(root!, profile.Path));
            dockerfile = options.Dockerfile is not null ? Path.GetFullPath(options.Dockerfile) : Path.Combine(serviceFolder, "Dockerfile");
            if (!File.Exists(dockerfile))
            {
                throw new InputException(options.Dockerfile ?? Path.Combine(appPath!, "Dockerfile"), 0,
                    "no Dockerfile here: write one with `berth init`, or pass --dockerfile FILE or --image REF");
            }
            context = profile is null ? root! : Path.GetFullPath(Path.Combine(root!, profile.BuildContext));
        }
        var baseImage = dockerfile is null ? null : FinalBaseImage(dockerfile);
        var name = profile?.Name ?? (options.Image is not null ? options.Image : Path.GetFileName(root!.TrimEnd(Path.DirectorySeparatorChar)));
        return new VerifyTarget(name, profile, dockerfile, context, baseImage, notes);
    }

    /// <summary>The external image the last stage ends up on (following FROM another-stage), ARGs resolved with their defaults.</summary>
    public static string? FinalBaseImage(string dockerfile)
    {
        var document = DockerfileParser.Parse(dockerfile, File.ReadAllText(dockerfile));
        var graph = StageGraph.Build(document);
        var stage = graph.Final;
        for (var hops = 0; stage is not null && hops < graph.Stages.Count; hops++)
        {
            if (stage.BaseImage is { } image)
                return stage.IsResolved ? image.Text : null;
            stage = graph.Stages.FirstOrDefault(s => ReferenceEquals(s.Stage, stage.BaseStage));
        }
        return null;
    }
}
