using System.Text.RegularExpressions;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting;

/// <summary>Every rule has an ID in its family range, a kebab-case name, a doc page, a test class and a fresh row in the generated table.</summary>
public sealed partial class RuleCatalogTests
{
    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Name).Distinct().Count());
        Assert.All(RuleCatalog.All, r => Assert.Matches(@"^(BDF|BAP|BK8)\d{3}$", r.Id));
        Assert.All(RuleCatalog.All, r => Assert.Matches(@"^[a-z0-9]+(-[a-z0-9]+)*$", r.Name));
    }

    [Fact]
    public void Every_rule_has_a_doc_page_naming_it()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = Path.Combine(RepoPaths.Root, "docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(page), $"missing docs/rules/{rule.Id}.md");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {rule.Id}: {rule.Name}\n", text);
            Assert.Contains("## Fix", text);
        }
    }

    [Fact]
    public void Every_rule_has_a_test_class_with_firing_and_quiet_cases()
    {
        var testTypes = typeof(RuleCatalogTests).Assembly.GetTypes();
        foreach (var (type, info) in RuleCatalog.Dockerfile.Select(r => (r.GetType(), r.Info)).Concat(RuleCatalog.Kubernetes.Select(r => (r.GetType(), r.Info))))
        {
            var testClass = testTypes.SingleOrDefault(t => t.Name == type.Name + "Tests");
            Assert.True(testClass is not null, $"no test class {type.Name}Tests for {info.Id}");
            var names = testClass!.GetMethods().Select(m => m.Name).ToList();
            Assert.Contains(names, n => n.StartsWith("Fires", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("Quiet", StringComparison.Ordinal) || n.Contains("suppress", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_rules_table_in_docs_is_generated_from_the_catalog()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "rules", "README.md");
        if (Golden.Updating)
            File.WriteAllText(path, RuleCatalog.RulesTable());
        Assert.True(File.Exists(path) && File.ReadAllText(path) == RuleCatalog.RulesTable(),
            "docs/rules/README.md is stale: run the tests with BERTH_UPDATE_GOLDEN=1");
    }

    [Fact]
    public void Every_page_in_docs_rules_belongs_to_a_rule()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension).Where(n => n != "README");
        Assert.All(pages, p => Assert.NotNull(RuleCatalog.Find(p!)));
    }
}
