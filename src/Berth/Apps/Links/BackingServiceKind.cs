namespace Berth.Apps.Links;

/// <summary>
/// A kind of backing service and how code reveals that it needs one: a client library among its dependencies (Python names
/// normalised, npm names as written), a URL default with one of its schemes, or a variable named for its URL.
/// </summary>
public sealed record BackingServiceKind(string Id, string DisplayName, IReadOnlyList<string> Clients, IReadOnlyList<string> Schemes, IReadOnlyList<string> UrlVariables)
{
    /// <summary>Whether a variable name is one this kind's URL is usually read from (the name itself, or ending in _NAME).</summary>
    public bool CarriesUrl(string variable)
    {
        var upper = variable.ToUpperInvariant();
        return UrlVariables.Any(n => upper == n || upper.EndsWith("_" + n, StringComparison.Ordinal));
    }

    public static BackingServiceKind PostgreSql { get; } = new("postgresql", "PostgreSQL",
        ["asyncpg", "psycopg", "psycopg-binary", "psycopg-c", "psycopg2", "psycopg2-binary", "pg8000", "aiopg", "pg", "postgres", "pg-promise"],
        ["postgres", "postgresql"],
        ["DATABASE_URL", "DATABASE_URI", "DATABASE_DSN", "DB_URL", "DB_URI", "DB_DSN", "POSTGRES_URL", "POSTGRES_DSN", "POSTGRESQL_URL", "PG_URL", "PG_DSN", "SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_DATABASE_URL"]);

    public static BackingServiceKind MySql { get; } = new("mysql", "MySQL",
        ["aiomysql", "mysqlclient", "pymysql", "asyncmy", "mysql-connector-python", "mysql2", "mysql"],
        ["mysql", "mariadb"],
        ["DATABASE_URL", "DATABASE_URI", "DATABASE_DSN", "DB_URL", "DB_URI", "DB_DSN", "MYSQL_URL", "MYSQL_DSN", "SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_DATABASE_URL"]);

    public static BackingServiceKind MongoDb { get; } = new("mongodb", "MongoDB",
        ["pymongo", "motor", "beanie", "mongoengine", "odmantic", "mongodb", "mongoose"],
        ["mongodb", "mongodb+srv"],
        ["MONGODB_URI", "MONGODB_URL", "MONGO_URI", "MONGO_URL", "MONGO_DSN", "DATABASE_URL"]);

    public static BackingServiceKind Redis { get; } = new("redis", "Redis",
        ["redis", "aioredis", "rq", "arq", "ioredis", "bullmq"],
        ["redis", "rediss"],
        ["REDIS_URL", "REDIS_URI", "REDIS_DSN", "CACHE_URL"]);

    public static BackingServiceKind RabbitMq { get; } = new("rabbitmq", "RabbitMQ",
        ["pika", "aio-pika", "aiormq", "amqplib", "amqp-connection-manager"],
        ["amqp", "amqps", "pyamqp"],
        ["AMQP_URL", "RABBITMQ_URL", "RABBIT_URL", "BROKER_URL"]);

    /// <summary>Every kind, in the order compose lists them.</summary>
    public static IReadOnlyList<BackingServiceKind> All { get; } = [PostgreSql, MySql, MongoDb, Redis, RabbitMq];

    /// <summary>The kind whose scheme a URL has ("postgresql+asyncpg" → PostgreSQL), or null (sqlite, http...).</summary>
    public static BackingServiceKind? ForScheme(string? scheme)
    {
        if (scheme is null)
            return null;
        var lower = scheme.ToLowerInvariant();
        return All.FirstOrDefault(k => k.Schemes.Contains(lower, StringComparer.Ordinal))
               ?? All.FirstOrDefault(k => k.Schemes.Contains(lower.Split('+')[0], StringComparer.Ordinal));
    }
}
