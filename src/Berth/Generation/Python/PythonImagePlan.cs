using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>
/// Every decision behind a Python service's Dockerfile, made once from the profile and the options, with the reason for each:
/// the Dockerfile writer renders it and <c>berth init</c> prints it.
/// </summary>
public sealed record PythonImagePlan : IServiceImagePlan
{
    public const string UvImage = "ghcr.io/astral-sh/uv:0.9.5";
    public const string PoetryVersion = "1.8.5";
    public const string PdmVersion = "2.22.3";
    public const string PipenvVersion = "2024.4.0";
    public const string VenvPath = "/opt/venv";
    public const string AppDirectory = "/app";

    /// <summary>Where the builder stage lays out the writable folders, owned by the service user when copied into the runtime.</summary>
    public const string WritableStaging = "/writable";

    /// <summary>
    /// Folders under the app folder the code writes at start-up: a folder it writes, or the folder of a file it writes (a SQLite
    /// database in <c>data/</c>), the same folders the contract mounts writable (<see cref="WritableMount"/>); created in the image
    /// and owned by the service user, since the app's own files are root's. A file in the app folder itself has no folder of its own
    /// to create (a mount there would hide the code).
    /// </summary>
    public IReadOnlyList<WritablePath> WritableFolders =>
        WritableMount.Folders(Profile.WritablePaths.Where(w => !w.Path.StartsWith('/') && !w.Path.Split('/').Contains("..")), AppDirectory)
            .Select(w => w with { Path = w.Path[(AppDirectory.Length + 1)..] })
            .ToList();

    public required ServiceProfile Profile { get; init; }
    public required RuntimeFlavor Runtime { get; init; }
    public required string PythonVersion { get; init; }
    public required string BuilderImage { get; init; }
    public required string RuntimeImage { get; init; }
    public required int Uid { get; init; }
    public required string Server { get; init; }
    public required int Workers { get; init; }
    public required string Installer { get; init; }
    /// <summary>Servers installed on top of the project's dependencies because it does not depend on them, each pinned (<see cref="ServerPackagePins"/>).</summary>
    public required IReadOnlyList<PinnedPackage> ExtraPackages { get; init; }
    public required IReadOnlyList<string> BuildPackages { get; init; }
    public required IReadOnlyList<string> RuntimePackages { get; init; }
    public required HealthRoute? HealthRoute { get; init; }

    /// <summary>Where the service folder sits inside the build context ("." when they are the same).</summary>
    public required string ServiceInContext { get; init; }

    public required IReadOnlyList<string> Decisions { get; init; }

    /// <summary>The Node stage that builds the frontend the service serves, or null.</summary>
    public Node.FrontendBuildStage? Frontend { get; init; }

    /// <summary>The server flags the repository states, translated for <see cref="Server"/>: the command carries them.</summary>
    public StatedServerFlags ServerFlags { get; init; } = StatedServerFlags.None;

    /// <summary>The port the app states when the server binds another (<see cref="UnprivilegedPort"/>); null otherwise.</summary>
    public int? OutsidePort { get; init; }

    public string Python => Runtime == RuntimeFlavor.Distroless ? $"{VenvPath}/bin/python" : "python";

    /// <summary>gunicorn's --graceful-timeout; uvicorn stops when its connections close, and Berth gives it the same bound.</summary>
    public const int GracefulTimeoutSeconds = 10;

    /// <summary>A uvicorn process or gunicorn worker with a web framework and its imports loaded stays near 60–100 MiB; 128 leaves headroom.</summary>
    public const int ProcessMemoryMiB = 128;

    public ContainerContract Container
    {
        get
        {
            var (server, args) = PythonDockerfileWriter.ServerCommand(this);
            var readiness = Profile.Health.FirstOrDefault(h => h.Methods.Contains("GET") && HealthPaths.IsReadiness(h.Path)) ?? HealthRoute;
            return new ContainerContract
            {
                Image = Profile.Name,
                Uid = Uid,
                Gid = Uid,
                Port = Profile.Port,
                OutsidePort = OutsidePort,
                Command = Runtime == RuntimeFlavor.Distroless ? [Python, "-m", server, .. args] : [server, .. args],
                Liveness = HealthRoute,
                Readiness = readiness,
                WritablePaths = [new WritablePath("/tmp", "temporary files (Python's tempfile, uploads spooled to disk)", "berth default"),
                    .. WritableMount.Folders(Profile.WritablePaths, AppDirectory)],
                GracefulStopSeconds = ServerFlags.GracefulSeconds ?? GracefulTimeoutSeconds,
                Processes = Server == "gunicorn" ? Workers : ServerFlags.WorkerCount ?? 1,
                ProcessMemoryMiB = ProcessMemoryMiB,
                BuildArguments = [.. Profile.Env.Where(e => e.BuildTime).Select(e => e.Name), .. Frontend?.BuildArguments ?? []],
                MigrationCommand = PythonMigrationCommand.Argv(Profile.Migrations),
                BaseImage = RuntimeImage,
            };
        }
    }

    public IReadOnlyList<GeneratedFile> Files(OutputLayout layout) =>
        ServiceArtifacts.For(Profile, PythonDockerfileWriter.Write(this, layout),
            DockerignoreWriter.Write(Profile, [.. PythonDockerignore.Sections(Profile), .. Frontend is null ? [] : (IgnoreSection[])[Frontend.IgnoreSection()]]), layout.Mirrored);

    public static PythonImagePlan For(ServiceProfile profile, GenerationOptions options)
    {
        var decisions = new List<string>();
        int? outsidePort = null;
        if (UnprivilegedPort.For(profile.Port) is var listen && listen != profile.Port)
        {
            decisions.Add(UnprivilegedPort.Decision(profile, listen));
            outsidePort = profile.Port;
            profile = profile with { Port = listen }; // everything the image says (command, EXPOSE, HEALTHCHECK, ENV PORT) uses the port it binds
        }
        var version = profile.Runtime.Version;
        string builder, runtime;
        int uid;
        if (options.Runtime == RuntimeFlavor.Distroless)
        {
            if (DistrolessPython.For(version) is not { } distroless)
            {
                var where = VersionEvidence(profile);
                throw new InputException(where.File, where.Line,
                    $"{profile.Name}: the distroless runtimes ship Python {DistrolessPython.Described}, but the project asks for Python {version} ({profile.Runtime.VersionSource}); " +
                    $"a venv or compiled wheels built for {version} would not load there. Use --runtime slim, or pin a Python that a distroless image ships");
            }
            builder = distroless.BuilderImage;
            runtime = distroless.RuntimeImage;
            uid = 65532;
            decisions.Add($"runtime {runtime}: no shell, no package manager, Python {distroless.Minor}; the venv is built in {builder} with Debian's python{distroless.Minor}-venv so its interpreter link ({distroless.Interpreter}) exists in the runtime too");
        }
        else
        {
            builder = $"python:{version}-slim";
            runtime = $"python:{version}-slim";
            uid = 10001;
            decisions.Add($"builder and runtime both python:{version}-slim (one PYTHON_VERSION argument keeps them on the same minor)");
        }

        var server = options.Server ?? profile.PythonPart().Server;
        if (options.Server is not null && options.Server != profile.PythonPart().Server)
            decisions.Add($"server {server} (asked with --server; the scan chose {profile.PythonPart().Server})");
        var flags = StatedServerFlags.For(profile, server, options.Workers);
        if (options.Server is null || options.Server == profile.PythonPart().Server)
            decisions.Add(server == "gunicorn"
                ? $"server gunicorn{(profile.PythonPart().Interface == "asgi" ? " with uvicorn workers" : "")}, --timeout {flags.Timeout?.Value ?? "30"} --graceful-timeout {flags.GracefulTimeout?.Value ?? "10"}"
                : flags.WorkerCount is > 1 ? $"server uvicorn, {flags.WorkerCount} processes per container as the repository states" : "server uvicorn, one process per container: Kubernetes scales by replicas");
        decisions.AddRange(flags.Decisions);
        var workers = options.Workers ?? flags.WorkerCount ?? GenerationOptions.DefaultWorkers;
        if (server == "uvicorn" && options.Workers is not null)
            decisions.Add("--workers applies to gunicorn only: uvicorn runs one process (scale with replicas)");

        decisions.AddRange(DjangoStaticFiles.Decisions(profile));
        decisions.AddRange(ConfigSelection.Decisions(profile));
        if (ServerJsonLogging.Applies(profile))
            decisions.Add(ServerJsonLogging.Decision(profile, server));

        var extra = new List<PinnedPackage>();
        void Need(string package, string why)
        {
            if (profile.PythonPart().BroughtServers.FirstOrDefault(b => b.Name == package) is { } brought && !profile.Dependencies.Contains(package))
                decisions.Add($"{package} ({why}) is not installed on top: {brought.By} already brings it");
            else if (!profile.Dependencies.Contains(package) && !extra.Any(e => e.Name == package))
            {
                var pin = ServerPackagePins.For(package, profile.LockFile, profile.PythonPart().LockedVersions);
                extra.Add(pin);
                decisions.Add($"installs {package}=={pin.Version} on top of the locked dependencies: {why}, and the project does not depend on it; the version is {pin.Source}");
            }
        }
        if (server == "gunicorn")
            Need("gunicorn", "the server");
        if (server == "uvicorn" || profile.PythonPart().Interface == "asgi")
            Need("uvicorn", server == "gunicorn" ? "gunicorn's uvicorn worker class" : "the server");

        var installer = ChooseInstaller(profile, options, decisions);
        decisions.Add(VenvTrim.Decision(profile, installer));

        var build = profile.NativeLibraries.SelectMany(n => n.BuildPackages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var run = profile.NativeLibraries.SelectMany(n => n.RuntimePackages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var native in profile.NativeLibraries.Where(n => n.BuildPackages.Count > 0 || n.RuntimePackages.Count > 0))
            decisions.Add($"{native.Dependency}: {native.Reason}");
        if (options.Runtime == RuntimeFlavor.Distroless)
        {
            if (run.Count > 0)
            {
                throw new InputException(profile.ManifestFile ?? profile.Path, 0,
                    $"{profile.Name}: {string.Join(", ", profile.NativeLibraries.Where(n => n.RuntimePackages.Count > 0).Select(n => n.Dependency))} needs {string.Join(", ", run)} at run time, " +
                    "and a distroless image has no package manager to install it. Use --runtime slim, or a dependency that ships a self-contained wheel (psycopg2-binary, psycopg[binary])");
            }
            // Debian's interpreter needs its headers to compile extensions.
            if (build.Count > 0 && !build.Contains("python3-dev"))
                build.Add("python3-dev");
        }

        var health = profile.Health.FirstOrDefault(h => h.Methods.Contains("GET") && !HealthPaths.IsReadiness(h.Path)) ?? profile.Health.FirstOrDefault(h => h.Methods.Contains("GET"));
        decisions.Add(health is null
            ? $"HEALTHCHECK opens a TCP connection to port {profile.Port} (no health route found)"
            : $"HEALTHCHECK GET {health.Path} with Python's urllib (the image has no curl)");
        decisions.Add($"runs as uid {uid} (numeric, non-root), exec-form command, EXPOSE {profile.Port}");
        if (profile.Migrations is { } migrations)
            decisions.Add($"migrations ({migrations.Tool}, {(migrations.StatedByRepository ? "as the repository runs them at " : "its standard command; found at ")}{migrations.Source}): " +
                $"a separate one-shot step before the new version starts — docker run --rm {profile.Name} {migrations.Command} — not chained into the server's command, so replicas never race to migrate");

        var serviceInContext = RelativePath.Under(profile.Path, profile.BuildContext);
        var frontend = Node.FrontendBuildStage.For(profile, AppDirectory);
        if (frontend is not null)
            decisions.Add(frontend.Decision);
        return new PythonImagePlan
        {
            Profile = profile,
            Runtime = options.Runtime,
            PythonVersion = version,
            BuilderImage = builder,
            RuntimeImage = runtime,
            Uid = uid,
            Server = server,
            Workers = workers,
            ServerFlags = flags,
            Installer = installer,
            ExtraPackages = extra,
            BuildPackages = build,
            RuntimePackages = run,
            HealthRoute = health,
            ServiceInContext = serviceInContext,
            Decisions = decisions,
            OutsidePort = outsidePort,
            Frontend = frontend,
        };
    }

    private static string ChooseInstaller(ServiceProfile profile, GenerationOptions options, List<string> decisions)
    {
        var manager = profile.PackageManager;
        if (options.Installer == InstallerChoice.Pip && manager == "poetry")
        {
            if (profile.LockFile is null)
                throw new InputException(profile.ManifestFile ?? profile.Path, 0, $"{profile.Name}: --installer pip installs the pins of poetry.lock, and there is no poetry.lock");
            if (profile.PythonPart().InstallInputs.FirstOrDefault(i => i.IsFolder) is { } local)
                throw new InputException(local.File, local.Line, $"{profile.Name}: --installer pip installs the pins of poetry.lock from the index, and '{local.Path}' is a local package it cannot fetch there: use --installer auto (Poetry installs it from its folder)");
            decisions.Add($"installs the main-group pins of {profile.LockFile} with pip --no-deps (read at build time with tomllib; no Poetry in the build)");
            return "poetry-lock-pip";
        }
        if (options.Installer == InstallerChoice.Pip && manager is not ("pip" or "poetry"))
            decisions.Add($"--installer pip is for Poetry projects; {manager} keeps its own installer");
        switch (manager)
        {
            case "uv":
                decisions.Add(profile.LockFile is null
                    ? "uv sync --no-dev (no uv.lock: resolution happens at build time; commit uv.lock for repeatable builds)"
                    : profile.WorkspaceRoot is not null && profile.BuildContext != profile.Path
                        ? $"uv sync --locked --no-dev --package {profile.PythonPart().ProjectName ?? profile.Name} from the workspace root (the whole workspace is the build context): " +
                          $"uv.lock, the root pyproject.toml and the pyproject.toml of {Members(profile)} first, dependencies installed with --no-install-workspace (a cached layer that source edits do not touch), then the sources and the members"
                        : "uv sync --locked --no-dev: dependencies first (cached layer), then the project");
                return "uv";
            case "poetry":
                decisions.Add(profile.LockFile is null
                    ? $"poetry install --only main --no-root (no poetry.lock: commit one for repeatable builds)"
                    : $"poetry {PoetryVersion} installs --only main --no-root from {profile.LockFile} into the venv");
                return "poetry";
            case "pdm":
                decisions.Add("pdm export --prod, then pip installs the exported pins");
                return "pdm";
            case "pipenv":
                decisions.Add("pipenv requirements (the [packages] of Pipfile.lock), then pip installs them");
                return "pipenv";
            default:
                if (profile.PythonPart().RequirementFiles.Count > 0)
                {
                    decisions.Add($"pip installs {string.Join(", ", profile.PythonPart().RequirementFiles.Select(f => RelativePath.Under(f, profile.BuildContext)))} into a venv (dev requirements stay out)");
                    return "pip-requirements";
                }
                decisions.Add("pip installs the project (pyproject.toml, no lock) into a venv");
                return "pip-project";
        }
    }

    private static string Members(ServiceProfile profile) =>
        profile.PythonPart().WorkspaceMembers.Count switch
        {
            0 => "no other member",
            1 => "its 1 member",
            var n => $"all {n} members",
        };

    private static Evidence VersionEvidence(ServiceProfile profile) =>
        profile.Evidence.FirstOrDefault(e => e.Fact.StartsWith("Python ", StringComparison.Ordinal)) ?? new Evidence("", profile.Path, 0);
}
