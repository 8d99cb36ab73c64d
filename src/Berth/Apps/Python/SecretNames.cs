namespace Berth.Apps.Python;

/// <summary>Decides whether an environment variable holds a secret, from its name and (code) default alone.</summary>
public static class SecretNames
{
    private static readonly string[] SecretWords =
        ["SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "CREDENTIAL", "CREDENTIALS", "PRIVATE", "APIKEY", "SIGNING", "SALT", "PWD", "AUTH"];

    private static readonly string[] KeyExceptions = ["KEY_PREFIX", "KEY_FUNC", "KEYSPACE", "PUBLIC_KEY", "KEY_ID", "CACHE_KEY"];

    private static readonly string[] CredentialUrlNames =
        ["DATABASE_URL", "DB_URL", "DSN", "REDIS_URL", "AMQP_URL", "BROKER_URL", "RABBITMQ_URL", "MONGO_URL", "MONGODB_URI", "MONGO_URI", "POSTGRES_URL", "MYSQL_URL", "CELERY_BROKER_URL", "SQLALCHEMY_DATABASE_URI", "CONNECTION_STRING"];

    public static bool IsSecret(string name, string? codeDefault = null)
    {
        // Called for every ENV and ARG a linted file sets: the words are read in place, without splitting into strings.
        var upper = name.ToUpperInvariant();
        var hasKeyWord = false;
        foreach (var range in upper.AsSpan().SplitAny("_-."))
        {
            var word = upper.AsSpan(range);
            if (word.IsEmpty)
                continue;
            foreach (var secret in SecretWords)
            {
                if (word.SequenceEqual(secret))
                    return true;
            }
            hasKeyWord |= word.SequenceEqual("KEY");
        }
        if (hasKeyWord && !ContainsAny(upper, KeyExceptions))
            return true;
        foreach (var url in CredentialUrlNames)
        {
            // the name itself, or ending in _NAME
            if (upper.EndsWith(url, StringComparison.Ordinal) && (upper.Length == url.Length || upper[^(url.Length + 1)] == '_'))
                return true;
        }
        return codeDefault is not null && HasUrlCredentials(codeDefault);
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
