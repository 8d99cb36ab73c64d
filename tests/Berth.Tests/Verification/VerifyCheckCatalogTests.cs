using Berth.Tests.Support;
using Berth.Verification;

namespace Berth.Tests.Verification;

public sealed class VerifyCheckCatalogTests
{
    [Fact]
    public void Ids_and_names_are_unique_and_follow_the_families()
    {
        Assert.Equal(VerifyCheck.All.Count, VerifyCheck.All.Select(c => c.Id).Distinct().Count());
        Assert.Equal(VerifyCheck.All.Count, VerifyCheck.All.Select(c => c.Name).Distinct().Count());
        Assert.All(VerifyCheck.All, c => Assert.Matches("^BV[1-5][0-9]{2}$", c.Id));
        Assert.All(VerifyCheck.All, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Name));
        Assert.Equal(VerifyCheck.All.Select(c => c.Id).Order(StringComparer.Ordinal), VerifyCheck.All.Select(c => c.Id));
    }

    [Fact]
    public void The_checks_table_in_docs_is_generated_from_the_catalog()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "verify.md");
        if (Golden.Updating)
            File.WriteAllText(path, VerifyCheck.Table());
        Assert.True(File.Exists(path) && File.ReadAllText(path) == VerifyCheck.Table(), "docs/verify.md is stale: run the tests with BERTH_UPDATE_GOLDEN=1");
    }
}
