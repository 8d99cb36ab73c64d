using Berth.Apps;
using Berth.Dockerfiles;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>Parses a Dockerfile once and runs every rule over it; findings come back sorted, with suppressions and the configuration (ignored rules, severity overrides) applied.</summary>
public static class DockerfileLinter
{
    public static IReadOnlyList<Finding> Lint(string file, string text, ServiceProfile? app = null, Func<string, bool>? contextFileExists = null, string? dockerignore = null, LintConfiguration? configuration = null)
    {
        var document = DockerfileParser.Parse(file, text);
        var context = new DockerfileLintContext(file, document, app, contextFileExists, dockerignore, configuration);
        var suppressions = Suppressions.Read(document, RuleCatalog.All);
        return RuleCatalog.Dockerfile
            .SelectMany(rule => rule.Check(context))
            .Where(f => !suppressions.Suppresses(f))
            .Select(f => (configuration ?? LintConfiguration.Empty).Apply(f))
            .OfType<Finding>()
            .Distinct()
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
    }
}
