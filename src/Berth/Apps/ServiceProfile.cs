using Berth.Apps.Links;
using Berth.Apps.Node;
using Berth.Apps.Python;

namespace Berth.Apps;

/// <summary>What <c>berth scan</c> found under one root: the web services, and the folders it looked at and set aside.</summary>
public sealed record ScanResult(string Root, IReadOnlyList<ServiceProfile> Services, IReadOnlyList<SkippedFolder> Skipped, IReadOnlyList<string> Notes)
{
    /// <summary>What ties the services together: which calls which, and the databases, caches and brokers they need.</summary>
    public RepositoryLinks Links { get; init; } = RepositoryLinks.None;

    /// <summary>
    /// Set when the folder the user named is a member of a workspace above it and the scan ran from the workspace root
    /// (<see cref="RepositoryScanner.ScanFromWorkspace"/>): the member's path under <see cref="Root"/>.
    /// </summary>
    public string? Member { get; init; }

    /// <summary>The scan root as the user would write it, given the path they named: that path itself, or the workspace root above it.</summary>
    public string ShownRoot(string given)
    {
        if (Member is null)
            return given;
        var joined = Path.GetFullPath(Path.Combine(given, RelativePath.Up(Member)));
        if (Path.IsPathRooted(given))
            return joined;
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, joined).Replace('\\', '/');
        return relative;
    }
}

/// <summary>A folder that looked like an app but is not a web service (tooling-only pyproject, a worker without a port, a library...).</summary>
public sealed record SkippedFolder(string Path, string Reason);

/// <summary>The language runtime. Constraint is the version range the project allows (requires-python, Poetry's python, engines.node), when the version was chosen from one.</summary>
public sealed record RuntimeInfo(string Language, string Version, string VersionSource, string? Constraint = null);

/// <summary>A route a probe can use. Methods are what the framework answers (FastAPI <c>@app.get</c> answers GET only; Starlette and Flask add HEAD to GET).</summary>
public sealed record HealthRoute(string Path, IReadOnlyList<string> Methods, string Source);

/// <summary>
/// An environment variable the app reads. Default is the literal from code, never shown for secrets, never taken from a .env file.
/// BuildTime: the value is fixed when the image is built (a bundler inlines it: NEXT_PUBLIC_*, VITE_*, REACT_APP_*), so setting it
/// when the container starts changes nothing.
/// DefaultScheme: the scheme of a URL default ("postgresql+asyncpg", "redis", "http"), kept for secrets too (it names the kind of
/// service, never a credential), so links and backing services can be read without the value.
/// </summary>
public sealed record EnvVariable(string Name, bool Required, bool Secret, string Source, string? Default, bool BuildTime = false, string? DefaultScheme = null)
{
    /// <summary>The values the code knows for a variable that selects the configuration (APP_ENV: dev, prod, test); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Choices { get; init; }
}

/// <summary>A dependency that needs native libraries: build packages go to the builder stage only, runtime packages to the runtime stage.</summary>
public sealed record NativeLibraryNeed(string Dependency, IReadOnlyList<string> BuildPackages, IReadOnlyList<string> RuntimePackages, bool BinaryWheel, string Reason);

/// <summary>
/// A path the app writes to while it runs (relative paths are under the app's working folder): a read-only root filesystem needs a
/// writable mount there, owned by the service user.
/// </summary>
public sealed record WritablePath(string Path, string Reason, string Source);

/// <summary>
/// The one-shot command that brings the database schema up to date before new replicas start (Alembic, Django, Flask-Migrate):
/// run once per release, never chained into the server's command (replicas would race to migrate). StatedByRepository: the
/// repository's own start script, Procfile or Dockerfile runs it (Source names where); otherwise the tool's standard command.
/// </summary>
public sealed record MigrationCommand(string Tool, string Command, bool StatedByRepository, string Source);

/// <summary>
/// One web service, in two parts: the facts every stack has (this record's own properties: what compose, Kubernetes, lint rules and
/// verify read) and a per-stack part (<see cref="Python"/>) that only that stack's image plan reads. Every fact has its evidence.
/// </summary>
public sealed record ServiceProfile
{
    public required string Name { get; init; }

    /// <summary>The service folder relative to the scan root ("." for the root).</summary>
    public required string Path { get; init; }

    /// <summary>The folder the image must be built from (relative to the scan root): the service folder, or a workspace root holding the lock.</summary>
    public required string BuildContext { get; init; }

    /// <summary>Language (python, node), version and where the version came from.</summary>
    public required RuntimeInfo Runtime { get; init; }

    /// <summary>fastapi, starlette, flask, quart, django, asgi or wsgi for Python.</summary>
    public required string Framework { get; init; }

    /// <summary>asgi or wsgi (Python's server interface); kept at the top of the scan JSON, also under <c>python</c>.</summary>
    public string? Interface => Python?.Interface;

    /// <summary>What the server loads: <c>module:attribute</c> for Python ("app.main:app").</summary>
    public string? Entrypoint => Python?.Entrypoint;

    /// <summary>Python: the folder (relative to the service folder) that must be on sys.path for the entrypoint to import.</summary>
    public string? ImportRoot => Python?.ImportRoot;

    /// <summary>The server process: uvicorn or gunicorn for Python.</summary>
    public string? Server => Python?.Server;

    /// <summary>The port the app listens on inside the container.</summary>
    public required int Port { get; init; }

    /// <summary>
    /// True when nothing in the repository states the port and <see cref="Port"/> is a default (Berth's 8000 for Python, the
    /// framework's 3000, the port of the static server Berth writes): app-aware lint rules compare only with a stated port.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool PortIsDefault { get; init; }

    public required IReadOnlyList<HealthRoute> Health { get; init; }

    public required IReadOnlyList<EnvVariable> Env { get; init; }

    /// <summary>"json" when the app configures JSON log lines (a JSON formatter, structlog's JSONRenderer, loguru's serialize=True...), null otherwise.</summary>
    public string? LogFormat { get; init; }

    /// <summary>pip, uv, poetry, pdm or pipenv for Python.</summary>
    public required string PackageManager { get; init; }

    /// <summary>The lock file relative to the scan root, or null.</summary>
    public string? LockFile { get; init; }

    /// <summary>The manifest the package manager reads (pyproject.toml, requirements.txt, Pipfile, package.json) relative to the scan root.</summary>
    public string? ManifestFile { get; init; }

    /// <summary>Python: production requirements files (relative to the scan root), includes followed.</summary>
    public IReadOnlyList<string>? RequirementFiles => Python?.RequirementFiles;

    /// <summary>Python: development-only requirements files (relative to the scan root): kept out of the image.</summary>
    public IReadOnlyList<string>? DevRequirementFiles => Python?.DevRequirementFiles;

    /// <summary>Normalised names of the production dependencies.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public IReadOnlyList<NativeLibraryNeed> NativeLibraries { get; init; } = [];

    /// <summary>Where each fact came from.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Things a careful engineer should know (ambiguities, assumptions, missing pieces).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The workspace root when the service is a workspace member, relative to the scan root.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>Python: the uv workspace's member folders; kept at the top of the scan JSON, also under <c>python</c>.</summary>
    public IReadOnlyList<string>? WorkspaceMembers => Python?.WorkspaceMembers;

    /// <summary>The distribution or package name the project declares, when there is one.</summary>
    public string? ProjectName => Python?.ProjectName;

    /// <summary>The command line the repository itself states for starting the service (a Procfile's web process, its own Dockerfile, a start script); null when it states none.</summary>
    public string? StartCommand { get; init; }

    /// <summary>The database migration to run once before the service starts, or null when the app has none.</summary>
    public MigrationCommand? Migrations { get; init; }

    /// <summary>Paths the app writes to while it runs (log files, SQLite databases, upload folders, caches).</summary>
    public IReadOnlyList<WritablePath> WritablePaths { get; init; } = [];

    /// <summary>The Python part: entrypoint, import root, server, requirement files, lock pins, workspace members.</summary>
    public PythonFacts? Python { get; init; }

    /// <summary>The Node.js part: kind (server, next, static), scripts, entry, Next.js output mode, workspace.</summary>
    public NodeFacts? Node { get; init; }
}
