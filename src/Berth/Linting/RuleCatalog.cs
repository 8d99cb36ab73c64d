using Berth.Linting.Rules.App;
using Berth.Linting.Rules.Dockerfile;

namespace Berth.Linting;

/// <summary>Every rule Berth has, in ID order. A test fails when a rule lacks its doc page, test class or row in docs/rules/README.md.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<DockerfileRule> Dockerfile { get; } =
    [
        new SyntaxError(),
        new ToolMissingInBase(),
        new PythonMinorMismatch(),
        new NpmDevDependenciesOmittedBeforeBuild(),
        new PoetryNoDevRemoved(),
        new UserSiteUnreadable(),
        new FinalStageRunsAsRoot(),
        new SecretInEnvOrArg(),
        new DotenvInBuildContext(),
        new ShellFormCommand(),
        new PortMismatch(),
        new HealthcheckPathUnknown(),
        .. Rules.PackageManagers.PackageManagerRules.All,
        .. Rules.Images.ImageRules.All,
        .. Rules.Metadata.MetadataRules.All,
        .. Rules.Node.NodeRules.All,
    ];

    public static IReadOnlyList<KubernetesRule> Kubernetes { get; } = Rules.Kubernetes.KubernetesRules.All;

    public static IReadOnlyList<RuleInfo> All { get; } = [.. Dockerfile.Select(r => r.Info).Concat(Kubernetes.Select(r => r.Info)).OrderBy(r => r.Id, StringComparer.Ordinal)];

    public static RuleInfo? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rules table for docs/rules/README.md, generated from the catalog.</summary>
    public static string RulesTable()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# Berth rules\n\nGenerated from the rule catalog (`RuleCatalog.RulesTable()`); a test fails when it is stale.\n\n");
        text.Append("| ID | name | severity | what it flags | covers |\n|---|---|---|---|---|\n");
        foreach (var rule in All)
            text.Append($"| [{rule.Id}]({rule.Id}.md) | {rule.Name} | {rule.Severity.ToString().ToLowerInvariant()} | {rule.Summary} | {string.Join(", ", rule.Covers)} |\n");
        return text.ToString();
    }
}
