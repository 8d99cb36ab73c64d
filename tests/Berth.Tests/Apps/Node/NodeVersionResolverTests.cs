using Berth.Apps.Node.Manifests;

namespace Berth.Tests.Apps.Node;

public sealed class NodeVersionResolverTests
{
    [Theory]
    [InlineData(">=20", 24)]
    [InlineData("20.x", 20)]
    [InlineData("^18.17.0", 18)]
    [InlineData(">=18 <21", 20)]
    [InlineData("18 - 22", 22)]
    [InlineData("^18 || ^20", 20)]
    [InlineData("~20.11", 20)]
    [InlineData("<=22", 22)]
    [InlineData("*", 24)]
    [InlineData(">=19 <20", null)]
    [InlineData("16.x", null)]
    [InlineData(">= 18 < 21", 20)]
    public void Newest_lts_major_that_satisfies_the_range(string range, int? expected) =>
        Assert.Equal(expected, NodeVersionResolver.NewestLtsSatisfying(range));
}
