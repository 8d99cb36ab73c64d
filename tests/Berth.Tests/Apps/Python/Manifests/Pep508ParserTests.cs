using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class Pep508ParserTests
{
    [Fact]
    public void Reads_name_extras_specifier_and_marker()
    {
        var requirement = Pep508Parser.Parse("Uvicorn[standard, Extra_Two] >= 0.20 , <1.0 ; python_version >= \"3.8\"").At("r.txt", 3);

        Assert.Equal("uvicorn", requirement.Name);
        Assert.Equal("Uvicorn", requirement.RawName);
        Assert.Equal(["standard", "Extra_Two"], requirement.Extras);
        Assert.Equal(">=0.20,<1.0", requirement.Specifier);
        Assert.Equal("python_version >= \"3.8\"", requirement.Marker);
        Assert.Null(requirement.Url);
        Assert.Equal(3, requirement.Line);
    }

    [Theory]
    [InlineData("Django_REST.framework", "django-rest-framework")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("typing__extensions", "typing-extensions")]
    [InlineData("PyYAML", "pyyaml")]
    public void Normalises_names_per_pep_503(string raw, string normalised) =>
        Assert.Equal(normalised, Pep508Parser.Parse(raw).At("f", 1).Name);

    [Fact]
    public void Reads_direct_url_references_with_marker()
    {
        var requirement = Pep508Parser.Parse("pkg @ https://example.com/pkg-1.0.tar.gz#sha256=abc ; sys_platform == 'linux'");

        Assert.Equal("pkg", requirement.RawName);
        Assert.Equal("https://example.com/pkg-1.0.tar.gz#sha256=abc", requirement.Url);
        Assert.Null(requirement.Specifier);
        Assert.Equal("sys_platform == 'linux'", requirement.Marker);
    }

    [Fact]
    public void Accepts_parenthesised_specifiers() =>
        Assert.Equal(">=1.0,!=1.3.*", Pep508Parser.Parse("name (>=1.0, !=1.3.*)").Specifier);

    [Theory]
    [InlineData(">=1.0")]
    [InlineData("foo bar")]
    [InlineData("foo[bar")]
    [InlineData("foo >> 1")]
    [InlineData("foo ;")]
    public void Rejects_text_that_is_not_a_requirement(string text) =>
        Assert.Throws<FormatException>(() => Pep508Parser.Parse(text));
}
