namespace Berth.Apps;

/// <summary>Decides whether an environment variable holds a secret, from its name and (code) default alone.</summary>
public static class SecretNames
{
    private static readonly string[] SecretWords =
        ["SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "CREDENTIAL", "CREDENTIALS", "PRIVATE", "APIKEY", "SIGNING", "SALT", "PWD", "AUTH"];

    private static readonly string[] KeyExceptions = ["KEY_PREFIX", "KEY_FUNC", "KEYSPACE", "PUBLIC_KEY", "KEY_ID", "CACHE_KEY", "HEADER_KEY"];

    private static readonly string[] CredentialUrlNames =
        ["DATABASE_URL", "DB_URL", "DSN", "REDIS_URL", "AMQP_URL", "BROKER_URL", "RABBITMQ_URL", "MONGO_URL", "MONGODB_URI", "MONGO_URI", "POSTGRES_URL", "MYSQL_URL", "CELERY_BROKER_URL", "SQLALCHEMY_DATABASE_URI", "CONNECTION_STRING"];

    /// <summary>
    /// Words that, after the secret-looking word, make the name describe the credential rather than hold it:
    /// <c>ACCESS_TOKEN_EXPIRE_MINUTES</c>, <c>TOKEN_TIME</c>, <c>USER_PASSWORD_MIN_LENGTH</c>, <c>TOKEN_REDIS_PREFIX</c>, <c>AUTH_ENDPOINT</c>.
    /// </summary>
    private static readonly string[] DescribingWords =
    [
        "EXPIRE", "EXPIRES", "EXPIRY", "EXPIRATION", "MINUTES", "HOURS", "SECONDS", "DAYS", "TTL", "TIMEOUT", "LIFETIME", "AGE", "TIME", "DURATION", "INTERVAL",
        "LENGTH", "COUNT", "SIZE", "PREFIX", "ALGORITHM", "HEADER", "ENDPOINT", "URL", "URI", "ENABLED", "ENABLE", "DISABLED",
        "LOGIN", "PATH", "EXCLUDE", "PATTERN", "MARKER", "REQUIRE", "REQUIRED", "MODE", "TYPE", "NAME", "LOCATION", "FILE",
        "IP", "IPS", "CIDR", "CIDRS", "SUBNET", "SUBNETS", "NETWORK", "NETWORKS", "RANGE", "RANGES",
    ];

    /// <summary>Credential names the word rules below would let through (<c>KEY_ID</c> is usually an identifier, but this one is half of a key pair).</summary>
    private static readonly string[] KnownSecretNames = ["AWS_ACCESS_KEY_ID"];

    public static bool IsSecret(string name, string? codeDefault = null)
    {
        // Called for every ENV and ARG a linted file sets: the words are read in place, without splitting into strings.
        var upper = name.ToUpperInvariant();
        if (Array.IndexOf(KnownSecretNames, upper) >= 0)
            return true;
        foreach (var url in CredentialUrlNames)
        {
            // the name itself, or ending in _NAME
            if (upper.EndsWith(url, StringComparison.Ordinal) && (upper.Length == url.Length || upper[^(url.Length + 1)] == '_'))
                return true;
        }

        var secretWord = false;
        var keyWord = false;
        foreach (var range in upper.AsSpan().SplitAny("_-."))
        {
            var word = upper.AsSpan(range);
            if (word.IsEmpty)
                continue;
            if ((secretWord || keyWord) && IsAny(word, DescribingWords))
                return codeDefault is not null && HasUrlCredentials(codeDefault);
            secretWord |= IsAny(word, SecretWords);
            keyWord |= word.SequenceEqual("KEY");
        }

        if (secretWord || (keyWord && !ContainsAny(upper, KeyExceptions)))
            return true;
        return codeDefault is not null && HasUrlCredentials(codeDefault);
    }

    private static bool IsAny(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.SequenceEqual(candidate))
                return true;
        }
        return false;
    }

    private static bool ContainsAny(string text, string[] parts)
    {
        foreach (var part in parts)
        {
            if (text.Contains(part, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>scheme://user:password@host — a URL that carries a password.</summary>
    public static bool HasUrlCredentials(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return false;
        var at = value.IndexOf('@', scheme + 3);
        if (at < 0)
            return false;
        var userInfo = value[(scheme + 3)..at];
        return userInfo.Contains(':', StringComparison.Ordinal) && !userInfo.Contains('/', StringComparison.Ordinal);
    }
}
