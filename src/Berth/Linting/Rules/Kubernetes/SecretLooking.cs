using System.Text.RegularExpressions;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>What looks like a secret: a variable or key name (PASSWORD, SECRET, TOKEN, API_KEY…), or a value (a URL with a password, a private key, a cloud access key).</summary>
internal static partial class SecretLooking
{
    public static bool Name(string name) => SecretName().IsMatch(name) && !NotSecret().IsMatch(name);

    public static bool Value(string value) => PrivateKey().IsMatch(value) || PasswordUrl().IsMatch(value) || CloudKey().IsMatch(value);

    /// <summary>A value that is clearly not a secret: empty, a placeholder, a reference to another variable, a path or a boolean.</summary>
    public static bool Placeholder(string value) =>
        value.Length == 0 || value.StartsWith("$(", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith("<", StringComparison.Ordinal)
        || value.ToLowerInvariant() is "true" or "false" or "changeme" or "change-me" or "xxx" or "none" or "null" or "-";

    // The cloud SDKs' key variables Polaris lists too: AZURE_*KEY (AZURE_STORAGE_KEY, AZURE_BATCH_KEY) and OCI_CLI_KEY_CONTENT.
    [GeneratedRegex(@"(PASSWORD|PASSWD|PASS$|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_KEY|SIGNING_KEY|ENCRYPTION_KEY|DSN$|DATABASE_URL|^AZURE_\w*KEY$|KEY_CONTENT$|BEARER)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(_FILE|_PATH|_NAME|_ID|_URL_PUBLIC|_TTL|_EXPIRY|_EXPIRES|_LENGTH|_HEADER|_ALGORITHM|_ISSUER)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotSecret();

    /// <summary>A PEM private key header, however many dashes a copy kept (-----BEGIN RSA PRIVATE KEY-----, ---BEGIN OPENSSH PRIVATE KEY---).</summary>
    [GeneratedRegex(@"-BEGIN[ \t]+[A-Z0-9 ]*PRIVATE KEY-")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordUrl();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36}\b|\bxox[baprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex CloudKey();
}
