using System.Text.Json.Serialization;
using Berth.Apps.Python.Manifests;

namespace Berth.Apps.Python;

/// <summary>The Python part of a <see cref="ServiceProfile"/>: what only the Python image plan and Dockerfile writer read.</summary>
public sealed record PythonFacts
{
    /// <summary>asgi or wsgi.</summary>
    public required string Interface { get; init; }

    /// <summary>module:attribute importable from <see cref="ImportRoot"/> ("app.main:app").</summary>
    public required string Entrypoint { get; init; }

    /// <summary>The folder (relative to the service folder) that must be on sys.path for the entrypoint to import: "." or "src".</summary>
    public required string ImportRoot { get; init; }

    /// <summary>uvicorn or gunicorn.</summary>
    public required string Server { get; init; }

    /// <summary>Production requirements files (relative to the scan root) for pip projects, includes followed.</summary>
    public IReadOnlyList<string> RequirementFiles { get; init; } = [];

    /// <summary>Development-only requirements files (relative to the scan root): kept out of the image.</summary>
    public IReadOnlyList<string> DevRequirementFiles { get; init; } = [];

    /// <summary>
    /// Normalised name → version of every package the lock file pins (any group), so a package the generator adds keeps the lock's
    /// version. Left out of the scan's JSON: it is the whole lock.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> LockedVersions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The member folders of the uv workspace (relative to the scan root, the root itself not listed): the generator copies their
    /// pyproject.toml files before the dependency install, since uv checks the lock against every member.
    /// </summary>
    public IReadOnlyList<string> WorkspaceMembers { get; init; } = [];

    /// <summary>
    /// Servers (uvicorn, gunicorn) the production install brings though the project does not name them: through an extra
    /// (fastapi[standard]) or the lock's main group. The image does not install them again.
    /// </summary>
    public IReadOnlyList<BroughtServer> BroughtServers { get; init; } = [];

    /// <summary>
    /// Files and folders the production install reads besides the manifest and the lock (relative to the scan root): -r/-c includes,
    /// local packages, the readme a local package's build backend reads. The Dockerfile copies them before the dependency step.
    /// </summary>
    public IReadOnlyList<InstallInput> InstallInputs { get; init; } = [];

    /// <summary>
    /// Local packages (folders relative to the scan root) the repository's own Dockerfile installs beside the requirements files
    /// (<c>pip install -e /src</c> after <c>COPY src/ /src/</c>): the requirements do not name them, so the image installs them too.
    /// </summary>
    public IReadOnlyList<InstallInput> LocalPackages { get; init; } = [];

    /// <summary>Imports of packaging tools (pip, setuptools, pkg_resources, wheel) by the service's code: those stay in the image.</summary>
    public IReadOnlyList<PackagingImport> PackagingImports { get; init; } = [];

    /// <summary>A Django project's settings module and its static and media settings; null for other frameworks.</summary>
    public DjangoFacts? Django { get; init; }

    /// <summary>
    /// Server settings the repository states for production (workers, proxy headers, root path, timeouts...), each with where;
    /// <c>berth init</c> carries those that fit the container into the server's command.
    /// </summary>
    public IReadOnlyList<Stated.StatedServerOption> ServerOptions { get; init; } = [];

    /// <summary>The env variable that selects the app's configuration (APP_ENV, FLASK_CONFIG...), when the code has one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConfigSelector? ConfigSelector { get; init; }

    /// <summary>The env files the settings classes name (<c>env_file = "prod.env"</c>), as written (relative to the app's working folder); null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SettingsEnvFiles { get; init; }

    /// <summary>
    /// Folders the app serves files from (StaticFiles mounts, Flask static folders, Django STATICFILES_DIRS), resolved against the
    /// repository: the scan matches them with the folders Node packages build (<see cref="ServedFrontend"/>). Not in the scan JSON.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ServedFolder> ServedFolders { get; init; } = [];

    /// <summary>The distribution name from pyproject, when there is one.</summary>
    public string? ProjectName { get; init; }
}

/// <summary>The Python part of a profile, for code that only ever sees Python services.</summary>
public static class PythonProfiles
{
    /// <summary>The profile's Python part; a profile of another language here is a programming error, not bad input.</summary>
    public static PythonFacts PythonPart(this ServiceProfile profile) =>
        profile.Python ?? throw new InvalidOperationException($"{profile.Name} is a {profile.Runtime.Language} service, not a Python one");
}

/// <summary>An import of a packaging tool's module by the service's code, at file:line.</summary>
public sealed record PackagingImport(string Module, string File, int Line)
{
    public string Source => $"{File}:{Line}";
}
