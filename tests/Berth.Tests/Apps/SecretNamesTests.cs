using Berth.Apps.Python;

namespace Berth.Tests.Apps;

public sealed class SecretNamesTests
{
    [Theory]
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
    public void Classifies_by_name(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecret(name));

    [Fact]
    public void A_default_with_url_credentials_makes_any_name_secret()
    {
        Assert.True(SecretNames.IsSecret("UPSTREAM", "https://user:pw@example.com/x"));
        Assert.False(SecretNames.IsSecret("UPSTREAM", "https://example.com/x"));
        Assert.False(SecretNames.IsSecret("UPSTREAM", "https://user@example.com/x"));
    }
}
