namespace Berth.EndToEnd.Apps;

/// <summary>What a route answers to, as the source declares it.</summary>
public sealed record ExpectedRoute(string Path, IReadOnlyList<string> Methods);

/// <summary>
/// One app under examples/ and the facts a correct scan must report about it (checked by <c>ScanTests</c>), plus what the
/// end-to-end run needs that Berth cannot know: extra <c>init</c> flags and test values for required env vars.
/// </summary>
public sealed record ExampleApp(
    string Name,
    IReadOnlyList<string> InitArguments,
    IReadOnlyDictionary<string, string> RunEnvironment,
    string Entrypoint,
    string Server,
    string PackageManager,
    string? LockFile,
    int Port,
    IReadOnlyList<ExpectedRoute> HealthRoutes,
    IReadOnlyList<string> RequiredEnv,
    IReadOnlyList<string> SecretEnv,
    IReadOnlyList<string> OptionalEnv)
{
    public string SourceDirectory => Path.Combine(Workspace.RepositoryLayout.ExamplesDirectory, Name);

    public static ExampleApp Named(string name) => name switch
    {
        "notes-api" => NotesApi,
        "inventory-service" => InventoryService,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown example"),
    };

    public static readonly ExampleApp NotesApi = new(
        Name: "notes-api",
        InitArguments: [],
        RunEnvironment: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = "postgresql://user:pw@127.0.0.1:5432/db",
            ["API_KEY"] = "e2e-api-key",
        },
        Entrypoint: "app.main:app",
        Server: "uvicorn",
        PackageManager: "pip",
        LockFile: null,
        Port: 8000,
        HealthRoutes: [new("/health", ["GET", "HEAD"]), new("/ready", ["GET", "HEAD"])],
        RequiredEnv: ["API_KEY", "DATABASE_URL"],
        SecretEnv: ["API_KEY"],
        OptionalEnv: ["APP_NAME", "LOG_LEVEL", "PORT"]);

    public static readonly ExampleApp InventoryService = new(
        Name: "inventory-service",
        InitArguments: ["--installer", "pip"],
        RunEnvironment: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SECRET_KEY"] = "e2e-secret-key",
        },
        Entrypoint: "inventory.main:app",
        Server: "gunicorn",
        PackageManager: "poetry",
        LockFile: "poetry.lock",
        Port: 8080,
        HealthRoutes: [new("/healthz", ["GET"])],
        RequiredEnv: ["SECRET_KEY"],
        SecretEnv: ["SECRET_KEY"],
        OptionalEnv: ["CACHE_TTL", "PORT"]);
}
