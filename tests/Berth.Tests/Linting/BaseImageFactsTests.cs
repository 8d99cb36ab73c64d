using Berth.Linting;

namespace Berth.Tests.Linting;

public sealed class BaseImageFactsTests
{
    [Theory]
    [InlineData("python:3.11-slim", true, false, "3.11", "root")]
    [InlineData("docker.io/library/python:3.12-slim-bookworm", true, false, "3.12", "root")]
    [InlineData("python:3.11", true, true, "3.11", "root")]
    [InlineData("python:3-slim", true, false, null, "root")]
    [InlineData("gcr.io/distroless/python3-debian12:nonroot", false, false, "3.11", "65532")]
    [InlineData("gcr.io/distroless/python3-debian12", false, false, "3.11", "root")]
    [InlineData("gcr.io/distroless/python3-debian12:debug-nonroot", true, false, "3.11", "root")]
    [InlineData("gcr.io/distroless/python3-debian13:nonroot", false, false, "3.13", "65532")]
    [InlineData("gcr.io/distroless/python3-debian13", false, false, "3.13", "root")]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", false, false, null, "65532")]
    [InlineData("scratch", false, false, null, "root")]
    [InlineData("node:20-bookworm-slim", true, false, null, "root")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", false, false, null, "1654")]
    public void Knows_well_known_bases(string image, bool shell, bool curl, string? python, string user)
    {
        var facts = BaseImageFacts.For(image);
        Assert.NotNull(facts);
        Assert.Equal(shell, facts.HasShell);
        Assert.Equal(curl, facts.HasCurl);
        Assert.Equal(python, facts.PythonMinor);
        Assert.Equal(user, facts.DefaultUser);
    }

    [Theory]
    [InlineData("registry.example.com/team/custom:1.0")]
    [InlineData("localhost:5000/app")]
    public void Says_nothing_about_unknown_images(string image) => Assert.Null(BaseImageFacts.For(image));

    [Fact]
    public void Digests_are_ignored_for_matching() =>
        Assert.Equal("3.11", BaseImageFacts.For("python:3.11-slim@sha256:0123456789abcdef")?.PythonMinor);
}
