using Berth.Apps;

namespace Berth.Tests.Apps;

public sealed class HealthPathsTests
{
    [Theory]
    [InlineData("/health", true)]
    [InlineData("/healthz", true)]
    [InlineData("/api/v1/health/", true)]
    [InlineData("/ready", true)]
    [InlineData("/health/{component}", false)]
    [InlineData("/users", false)]
    [InlineData("/healthy-recipes", false)]
    [InlineData("/ping", true)]
    [InlineData("/health/ping", true)]
    [InlineData("/api/db/ping", false)]
    [InlineData("/orders/status", false)]
    [InlineData("/health/live", true)]
    public void Recognises_probe_paths(string path, bool isHealth) => Assert.Equal(isHealth, HealthPaths.Rank(path) is not null);

    [Fact]
    public void Prefers_liveness_over_readiness() => Assert.True(HealthPaths.Rank("/health") < HealthPaths.Rank("/ready"));

    [Theory]
    [InlineData("/api", "/health", "/api/health")]
    [InlineData("/api/", "health", "/api/health")]
    [InlineData(null, "/health/", "/health/")]
    [InlineData("", "/", "/")]
    public void Joins_prefixes(string? prefix, string path, string expected) => Assert.Equal(expected, HealthPaths.Join(prefix, path));
}
