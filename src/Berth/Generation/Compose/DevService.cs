using Berth.Apps.Links;

namespace Berth.Generation.Compose;

/// <summary>
/// A development database, cache or broker compose starts beside the apps: its image, port, data folder (a named volume), the
/// health check its own image supports, and the placeholder credentials it reads from the compose env file.
/// </summary>
public sealed record DevService(
    BackingServiceKind Kind,
    string Name,
    string Image,
    int Port,
    string DataPath,
    IReadOnlyList<string> Healthcheck,
    string HealthcheckReason,
    IReadOnlyList<KeyValuePair<string, string>> Credentials,
    string UrlUser,
    string UrlPath)
{
    /// <summary>A placeholder, not a secret: the development services are reachable only on the compose network.</summary>
    public const string PlaceholderPassword = "change-me-local-only";

    public string Volume => Name + "-data";

    /// <summary>The URL an app on the compose network reaches it at, with the placeholder credentials, in the scheme the app's driver wants.</summary>
    public string Url(string scheme) =>
        UrlUser.Length == 0 ? $"{scheme}://{Name}:{Port}{UrlPath}" : $"{scheme}://{UrlUser}:{PlaceholderPassword}@{Name}:{Port}{UrlPath}";

    public static DevService For(BackingServiceKind kind) => kind.Id switch
    {
        "postgresql" => new(kind, "postgres", "postgres:17-bookworm", 5432, "/var/lib/postgresql/data",
            ["CMD-SHELL", "pg_isready -U \"$$POSTGRES_USER\" -d \"$$POSTGRES_DB\""], "pg_isready",
            [new("POSTGRES_USER", "app"), new("POSTGRES_PASSWORD", PlaceholderPassword), new("POSTGRES_DB", "app")], "app", "/app"),
        "mysql" => new(kind, "mysql", "mysql:8.4", 3306, "/var/lib/mysql",
            ["CMD", "mysqladmin", "ping", "-h", "127.0.0.1", "--silent"], "mysqladmin ping",
            [new("MYSQL_DATABASE", "app"), new("MYSQL_USER", "app"), new("MYSQL_PASSWORD", PlaceholderPassword), new("MYSQL_RANDOM_ROOT_PASSWORD", "yes")], "app", "/app"),
        "mongodb" => new(kind, "mongo", "mongo:8.0", 27017, "/data/db",
            ["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"], "mongosh ping",
            [new("MONGO_INITDB_ROOT_USERNAME", "app"), new("MONGO_INITDB_ROOT_PASSWORD", PlaceholderPassword)], "app", "/app?authSource=admin"),
        "redis" => new(kind, "redis", "redis:7.4-bookworm", 6379, "/data",
            ["CMD", "redis-cli", "ping"], "redis-cli ping",
            [], "", "/0"),
        "rabbitmq" => new(kind, "rabbitmq", "rabbitmq:4.1", 5672, "/var/lib/rabbitmq",
            ["CMD", "rabbitmq-diagnostics", "-q", "ping"], "rabbitmq-diagnostics ping",
            [new("RABBITMQ_DEFAULT_USER", "app"), new("RABBITMQ_DEFAULT_PASS", PlaceholderPassword)], "app", "/%2F"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind.Id, "no development service for this kind"),
    };
}
