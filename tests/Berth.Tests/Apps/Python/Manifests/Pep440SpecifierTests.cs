using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class Pep440SpecifierTests
{
    [Theory]
    [InlineData(">=3.10", "3.10.0", true)]
    [InlineData(">=3.10", "3.9.18", false)]
    [InlineData(">3.11", "3.11.0", false)]
    [InlineData(">3.11", "3.11.1", true)]
    [InlineData("<3.13", "3.13.0", false)]
    [InlineData("<=3.12", "3.12.0", true)]
    [InlineData("<=3.12", "3.12.1", false)]
    [InlineData("==3.11", "3.11.0", true)]
    [InlineData("==3.11", "3.11.4", false)]
    [InlineData("==3.11.*", "3.11.4", true)]
    [InlineData("!=3.11.*", "3.11.4", false)]
    [InlineData("!=3.11.2", "3.11.3", true)]
    [InlineData("~=3.10", "3.13.1", true)]
    [InlineData("~=3.10", "4.0.0", false)]
    [InlineData("~=3.10.2", "3.11.0", false)]
    [InlineData(">=3.9, <3.12", "3.11.9", true)]
    [InlineData("^3.11", "3.13.0", true)]
    [InlineData("^3.11", "4.0.0", false)]
    [InlineData("^0.2", "0.3.0", false)]
    [InlineData("~3.11", "3.12.0", false)]
    [InlineData("~3.11", "3.11.9", true)]
    [InlineData("~3", "3.13.0", true)]
    [InlineData("*", "2.7.0", true)]
    [InlineData(">=3.9 <3.11", "3.11.0", false)]
    [InlineData("3.10.*", "3.10.2", true)]
    [InlineData("3.8 || ^3.12", "3.12.1", true)]
    [InlineData("3.8 || ^3.12", "3.10.1", false)]
    [InlineData(">=3.12.0rc1", "3.12.0", true)]
    [InlineData("===3.11.4", "3.11.4", true)]
    public void Evaluates_constraints(string constraint, string version, bool allowed) =>
        Assert.Equal(allowed, Pep440Specifier.Parse(constraint).IsSatisfiedBy(Pep440Specifier.ParseRelease(version)));

    [Theory]
    [InlineData(">=")]
    [InlineData("3.x")]
    [InlineData(">=3.10 foo")]
    [InlineData("~=3")]
    [InlineData(">=3.*")]
    public void Rejects_nonsense(string constraint) =>
        Assert.Throws<FormatException>(() => Pep440Specifier.Parse(constraint));
}
