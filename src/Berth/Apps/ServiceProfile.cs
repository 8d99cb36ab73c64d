namespace Berth.Apps;

/// <summary>What <c>berth scan</c> found under one root: the web services, and the folders it looked at and set aside.</summary>
public sealed record ScanResult(string Root, IReadOnlyList<ServiceProfile> Services, IReadOnlyList<SkippedFolder> Skipped, IReadOnlyList<string> Notes);

/// <summary>A folder that looked like Python but is not a web service (tooling-only pyproject, a worker without a port...).</summary>
public sealed record SkippedFolder(string Path, string Reason);

/// <summary>The language runtime. Constraint is the version range the project allows (requires-python, Poetry's python), when the version was chosen from one.</summary>
public sealed record RuntimeInfo(string Language, string Version, string VersionSource, string? Constraint = null);

/// <summary>A route a probe can use. Methods are what the framework answers (FastAPI <c>@app.get</c> answers GET only; Starlette and Flask add HEAD to GET).</summary>
public sealed record HealthRoute(string Path, IReadOnlyList<string> Methods, string Source);

/// <summary>An environment variable the app reads. Default is the literal from code, never shown for secrets, never taken from a .env file.</summary>
public sealed record EnvVariable(string Name, bool Required, bool Secret, string Source, string? Default);

/// <summary>A dependency that needs native libraries: build packages go to the builder stage only, runtime packages to the runtime stage.</summary>
public sealed record NativeLibraryNeed(string Dependency, IReadOnlyList<string> BuildPackages, IReadOnlyList<string> RuntimePackages, bool BinaryWheel, string Reason);

/// <summary>One Python web service: every fact the generators, lint rules and verify need, each with its evidence.</summary>
public sealed record ServiceProfile
{
    public required string Name { get; init; }

    /// <summary>The service folder relative to the scan root ("." for the root).</summary>
    public required string Path { get; init; }

    /// <summary>The folder the image must be built from (relative to the scan root): the service folder, or a workspace root holding the lock.</summary>
    public required string BuildContext { get; init; }

    public required RuntimeInfo Runtime { get; init; }

    /// <summary>fastapi, starlette, flask, quart, django, asgi or wsgi.</summary>
    public required string Framework { get; init; }

    /// <summary>asgi or wsgi.</summary>
    public required string Interface { get; init; }

    /// <summary>module:attribute importable from <see cref="ImportRoot"/> ("app.main:app").</summary>
    public required string Entrypoint { get; init; }

    /// <summary>The folder (relative to the service folder) that must be on sys.path for the entrypoint to import: "." or "src".</summary>
    public required string ImportRoot { get; init; }

    /// <summary>uvicorn or gunicorn.</summary>
    public required string Server { get; init; }

    public required int Port { get; init; }

    public required IReadOnlyList<HealthRoute> Health { get; init; }

    public required IReadOnlyList<EnvVariable> Env { get; init; }

    /// <summary>"json" when the app configures JSON log lines (a JSON formatter, structlog's JSONRenderer, loguru's serialize=True...), null otherwise.</summary>
    public string? LogFormat { get; init; }

    /// <summary>pip, uv, poetry, pdm or pipenv.</summary>
    public required string PackageManager { get; init; }

    /// <summary>The lock file relative to the scan root, or null.</summary>
    public string? LockFile { get; init; }

    /// <summary>The manifest the package manager reads (pyproject.toml, requirements.txt, Pipfile) relative to the scan root.</summary>
    public string? ManifestFile { get; init; }

    /// <summary>Production requirements files (relative to the scan root) for pip projects, includes followed.</summary>
    public IReadOnlyList<string> RequirementFiles { get; init; } = [];

    /// <summary>Development-only requirements files (relative to the scan root): kept out of the image.</summary>
    public IReadOnlyList<string> DevRequirementFiles { get; init; } = [];

    /// <summary>Normalised names of the production dependencies.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>
    /// Normalised name → version of every package the lock file pins (any group), so a package the generator adds keeps the lock's
    /// version. Left out of the scan's JSON: it is the whole lock.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> LockedVersions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<NativeLibraryNeed> NativeLibraries { get; init; } = [];

    /// <summary>Where each fact came from.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Things a careful engineer should know (ambiguities, assumptions, missing pieces).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The uv/poetry workspace root when the service is a workspace member, relative to the scan root.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>
    /// The member folders of that uv workspace (relative to the scan root, the root itself not listed): the generator copies their
    /// pyproject.toml files before the dependency install, since uv checks the lock against every member.
    /// </summary>
    public IReadOnlyList<string> WorkspaceMembers { get; init; } = [];

    /// <summary>The distribution name from pyproject, when there is one.</summary>
    public string? ProjectName { get; init; }
}
