using Berth.Apps;

namespace Berth.Tests.Apps;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("INTEGRATIONS_ALLOW_PRIVATE_IPS", false)]
    [InlineData("PRIVATE_SUBNET_CIDRS", false)]
    [InlineData("PRIVATE_KEY", true)]
    [InlineData("SECRET_KEY", true)]
    [InlineData("API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("DATABASE_URL", true)]
    [InlineData("ANALYTICS_DATABASE_URL", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("CACHE_KEY_PREFIX", false)]
    [InlineData("LOG_LEVEL", false)]
    [InlineData("PORT", false)]
    [InlineData("APP_NAME", false)]
    [InlineData("ACCESS_TOKEN_EXPIRE_MINUTES", false)]
    [InlineData("TOKEN_TIME", false)]
    [InlineData("SESSION_TOKEN_REFRESH_INTERVAL", false)]
    [InlineData("EMAIL_RESET_TOKEN_EXPIRE_HOURS", false)]
    [InlineData("TOKEN_REDIS_PREFIX", false)]
    [InlineData("USER_PASSWORD_MIN_LENGTH", false)]
    [InlineData("USER_PASSWORD_REQUIRE_SPECIAL_CHAR", false)]
    [InlineData("AUTH_ENDPOINT", false)]
    [InlineData("LOGIN_CAPTCHA_ENABLED", false)]
    [InlineData("TOKEN_ALGORITHM", false)]
    [InlineData("TRACE_ID_REQUEST_HEADER_KEY", false)]
    [InlineData("OAUTH_TOKEN_URL", false)]
    [InlineData("JWT_SECRET_KEY", true)]
    [InlineData("SMTP_PASSWORD", true)]
    [InlineData("REFRESH_TOKEN", true)]
    [InlineData("WRITER_DB_URL", true)]
    public void Classifies_by_name(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecret(name));

    [Fact]
    public void A_default_with_url_credentials_makes_any_name_secret()
    {
        Assert.True(SecretNames.IsSecret("UPSTREAM", "https://user:pw@example.com/x"));
        Assert.False(SecretNames.IsSecret("UPSTREAM", "https://example.com/x"));
        Assert.False(SecretNames.IsSecret("UPSTREAM", "https://user@example.com/x"));
        Assert.True(SecretNames.IsSecret("AUTH_ENDPOINT", "https://user:pw@example.com/x"));
    }
}
