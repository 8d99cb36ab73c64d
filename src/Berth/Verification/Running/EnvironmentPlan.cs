using System.Security.Cryptography;
using Berth.Apps;

namespace Berth.Verification.Running;

/// <summary>
/// The environment the container starts with: what the user gave (<c>--env K=V</c>, <c>--env-file</c>) plus a typed placeholder for every
/// variable the app requires and nobody gave, so apps that fail fast on missing configuration still start. Invented values are listed in
/// the report by name and kind; secret placeholders are random and never shown.
/// </summary>
public sealed record EnvironmentPlan(IReadOnlyDictionary<string, string> Values, IReadOnlyList<InventedVariable> Invented)
{
    public static EnvironmentPlan Build(IReadOnlyList<EnvVariable> appReads, IReadOnlyDictionary<string, string> given, IReadOnlySet<string> namesInEnvFile)
    {
        var values = new Dictionary<string, string>(given, StringComparer.Ordinal);
        var invented = new List<InventedVariable>();
        foreach (var variable in appReads.Where(v => v.Required).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            if (values.ContainsKey(variable.Name) || namesInEnvFile.Contains(variable.Name))
                continue;
            var (kind, value) = Placeholder(variable.Name, variable.Secret);
            values[variable.Name] = value;
            invented.Add(new InventedVariable(variable.Name, kind, variable.Secret || kind == "secret" ? null : value));
        }
        return new EnvironmentPlan(values, invented);
    }

    /// <summary>A value of the right shape for a variable's name: a database URL for DATABASE_URL, a random string for a secret, a port for *_PORT...</summary>
    public static (string Kind, string Value) Placeholder(string name, bool secret)
    {
        var upper = name.ToUpperInvariant();
        var words = upper.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] any) => any.Any(a => words.Contains(a, StringComparer.Ordinal));

        if (Has("DATABASE", "DB", "POSTGRES", "POSTGRESQL", "PG", "SQLALCHEMY") && Has("URL", "URI", "DSN"))
            return ("database-url", $"postgresql://verify:{Random()}@127.0.0.1:5432/verify");
        if (upper is "DSN" || upper.EndsWith("_DSN", StringComparison.Ordinal))
            return ("database-url", $"postgresql://verify:{Random()}@127.0.0.1:5432/verify");
        if (Has("REDIS") && Has("URL", "URI"))
            return ("redis-url", "redis://127.0.0.1:6379/0");
        if (Has("AMQP", "BROKER", "RABBITMQ", "CELERY") && Has("URL", "URI"))
            return ("amqp-url", "amqp://verify:verify@127.0.0.1:5672//");
        if (Has("MONGO", "MONGODB") && Has("URL", "URI"))
            return ("mongodb-url", "mongodb://127.0.0.1:27017/verify");
        if (secret)
            return ("secret", Random());
        if (Has("URL", "URI", "ENDPOINT", "WEBHOOK"))
            return ("url", "http://127.0.0.1:9/");
        if (Has("PORT"))
            return ("port", "9");
        if (Has("HOST", "HOSTNAME"))
            return ("host", "127.0.0.1");
        if (Has("EMAIL", "MAIL"))
            return ("email", "verify@example.invalid");
        if (Has("DEBUG", "ENABLED", "ENABLE", "DISABLE", "DISABLED", "USE"))
            return ("boolean", "false");
        if (Has("TIMEOUT", "SECONDS", "TTL", "COUNT", "SIZE", "LIMIT", "WORKERS", "MAX", "MIN"))
            return ("number", "1");
        if (Has("LEVEL") && Has("LOG"))
            return ("log-level", "info");
        return ("text", "verify-placeholder");
    }

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
