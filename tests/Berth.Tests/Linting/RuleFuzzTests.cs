using Berth.Apps;
using Berth.Dockerfiles;
using Berth.Linting;
using Berth.Linting.Configuration;
using Berth.Linting.Labels;
using Berth.Tests.Support;

namespace Berth.Tests.Linting;

/// <summary>
/// Runs rules over one Dockerfile the way the linter does and reports what went wrong: a rule that throws (while checking or while its
/// findings are enumerated), a finding outside the file (line below 1 or past the last line, end before start, column below 1), or a
/// finding that names another rule.
/// </summary>
internal static class RuleHarness
{
    public static IReadOnlyList<string> Problems(IEnumerable<DockerfileRule> rules, string text, ServiceProfile? app, LintConfiguration configuration,
        Func<string, bool>? contextFileExists = null, string? dockerignore = null)
    {
        var problems = new List<string>();
        DockerfileLintContext context;
        try
        {
            context = new DockerfileLintContext("Dockerfile", DockerfileParser.Parse("Dockerfile", text), app, contextFileExists, dockerignore, configuration);
        }
        catch (Exception e)
        {
            return [$"parsing threw {e.GetType().Name}: {e.Message}"];
        }
        var lines = text.Count(c => c == '\n') + 1;
        foreach (var rule in rules)
        {
            List<Finding> findings;
            try
            {
                findings = [.. rule.Check(context)];
            }
            catch (Exception e)
            {
                problems.Add($"{rule.Info.Id} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                continue;
            }
            foreach (var f in findings)
            {
                if (f.Rule != rule.Info.Id)
                    problems.Add($"{rule.Info.Id} reported a finding as {f.Rule}");
                if (f.Line < 1 || f.Line > lines || f.EndLine < f.Line || f.EndLine > lines || f.Column < 1 || f.EndColumn < 1
                    || (f.EndLine == f.Line && f.EndColumn < f.Column))
                    problems.Add($"{rule.Info.Id} reported {f.Line}:{f.Column}-{f.EndLine}:{f.EndColumn} in a file of {lines} lines: {f.Message}");
                if (string.IsNullOrEmpty(f.Message))
                    problems.Add($"{rule.Info.Id} reported a finding without a message");
            }
        }
        return problems;
    }
}

/// <summary>Every rule in the catalog, over seeded random and mutated Dockerfiles, with and without an app and a configuration: no throw, every finding inside the file.</summary>
public sealed class RuleFuzzTests
{
    /// <summary>Fragments that wake the rules the parser's fragments do not reach: labels, registries, package managers, app ports and paths.</summary>
    private static readonly string[] RuleFragments =
    [
        .. DockerfileFuzz.Fragments,
        "LABEL maintainer=a@b.c version=1.0.0 ", "LABEL license=\"MIT OR\" ", "LABEL created=2025-02-30T00:00:00Z ", "LABEL src=x ",
        "FROM ghcr.io/acme/app:1 AS b\n", "FROM python:3.12-slim\n", "FROM b\n", "COPY --from=quay.io/x/y:1 / /\n", "RUN --mount=from=busybox,target=/b ",
        "RUN apt-get install curl\n", "RUN pip install flask\n", "RUN apk add x && yum install y\n", "RUN curl -k https://x | sh\n",
        "EXPOSE 8000\n", "EXPOSE 99999/tcp\n", "HEALTHCHECK CMD curl -f http://localhost:8000/health\n", "CMD gunicorn -b 0.0.0.0:9000 app:app\n",
        "USER root\n", "COPY .env /app/\n", "ADD x.tar.gz /\n", "ENV A=$A\n", "ARG B=${B:-c}\n", "WORKDIR app\n", "ONBUILD RUN x\n",
    ];

    private static readonly LintConfiguration Configured = LintConfiguration.Empty with
    {
        TrustedRegistries = ["registry.example.com", "*.corp.example", "ghcr.io/acme"],
        LabelSchema = new Dictionary<string, LabelFormat>(StringComparer.Ordinal)
        {
            ["maintainer"] = LabelFormat.Email, ["version"] = LabelFormat.Semver, ["license"] = LabelFormat.Spdx, ["created"] = LabelFormat.Rfc3339,
            ["src"] = LabelFormat.Url, ["rev"] = LabelFormat.Hash, ["title"] = LabelFormat.Text,
            ["org.opencontainers.image.source"] = LabelFormat.Url, ["org.opencontainers.image.created"] = LabelFormat.Rfc3339,
            ["org.opencontainers.image.licenses"] = LabelFormat.Spdx, ["org.opencontainers.image.revision"] = LabelFormat.Hash,
            ["org.opencontainers.image.version"] = LabelFormat.Semver,
        },
        StrictLabels = true,
    };

    private static readonly ServiceProfile App = LintCase.App(8000, "/health");

    private static void AssertNoProblems(IEnumerable<DockerfileRule> rules, string text, int i, string label)
    {
        // Each input runs without an app and config, with both, and (alternating) with one of them, so every rule sees both states of each.
        var app = i % 2 == 0 ? App : null;
        var configuration = i % 2 == 0 ? LintConfiguration.Empty : Configured;
        var problems = RuleHarness.Problems(rules, text, null, LintConfiguration.Empty)
            .Concat(RuleHarness.Problems(rules, text, App, Configured, _ => true, "**/*.pyc\n!keep\n.env\n/build\n[\n"))
            .Concat(RuleHarness.Problems(rules, text, app, configuration, f => f.Length % 2 == 0, "*\n!app\n"))
            .ToList();
        if (problems.Count > 0)
            Assert.Fail($"{label}: {problems.Count} problem(s)\n{string.Join("\n", problems.Take(5))}\n--- input ---\n{text}\n---");
    }

    [Fact]
    public void Every_rule_survives_random_dockerfiles()
    {
        var random = new Random(7103);
        for (var i = 0; i < 1500; i++)
            AssertNoProblems(RuleCatalog.Dockerfile, DockerfileFuzz.RandomText(random, RuleFragments), i, $"random #{i}");
    }

    [Fact]
    public void Every_rule_survives_mutated_dockerfiles()
    {
        var random = new Random(9241);
        var seeds = Seeds();
        for (var i = 0; i < 1500; i++)
            AssertNoProblems(RuleCatalog.Dockerfile, DockerfileFuzz.Mutated(seeds[i % seeds.Count], random), i, $"mutation #{i}");
    }

    [Fact]
    public void The_seeds_wake_nearly_every_rule()
    {
        // The mutations only find bugs near code the seeds reach: the rule pages' examples make each rule fire (given an app and a config).
        var fired = Seeds().SelectMany(text => DockerfileLinter.Lint("Dockerfile", text, App, _ => true, ".env\n", Configured)).Select(f => f.Rule).ToHashSet();
        var silent = RuleCatalog.Dockerfile.Select(r => r.Info.Id).Where(id => !fired.Contains(id)).ToList();
        Assert.True(silent.Count <= RuleCatalog.Dockerfile.Count / 20, $"rules no seed wakes: {string.Join(", ", silent)}");
    }

    /// <summary>The golden Dockerfiles, the rule pages' examples and fixes, and one file dense in labels, registries and app facts.</summary>
    private static List<string> Seeds()
    {
        var seeds = DockerfileFuzz.GoldenSeeds();
        seeds.AddRange(DockerfileFuzz.RuleDocSeeds());
        seeds.Add("""
            ARG REG=ghcr.io
            FROM ${REG}/acme/base:1 AS base
            LABEL maintainer="Jane <j@x>" version=v1 license="Apache 2" created=2025-01-01 src=github.com/x rev=main title="" extra=1
            FROM base
            LABEL maintainer team@example.com
            COPY --from=quay.io/x/y:1 /a /a
            RUN --mount=type=bind,from=busybox:1,target=/b apt-get update && apt-get install -y curl && pip install --user flask
            EXPOSE 9000
            HEALTHCHECK CMD curl -f http://127.0.0.1:9000/healthz || exit 1
            USER app
            CMD ["gunicorn", "-b", "0.0.0.0:9000", "app:app"]
            """);
        return seeds;
    }

    [Fact]
    public void The_harness_catches_a_rule_that_throws_or_reports_outside_the_file()
    {
        var random = new Random(7103);
        var inputs = Enumerable.Range(0, 200).Select(_ => DockerfileFuzz.RandomText(random, RuleFragments)).ToList();
        DockerfileRule[] broken = [.. RuleCatalog.Dockerfile, new ThrowsOnLabels()];
        Assert.Contains(inputs, text => RuleHarness.Problems(broken, text, App, Configured).Any(p => p.StartsWith("TST001 threw", StringComparison.Ordinal)));
        Assert.Throws<Xunit.Sdk.FailException>(() =>
        {
            for (var i = 0; i < inputs.Count; i++)
                AssertNoProblems(broken, inputs[i], i, $"random #{i}");
        });
        Assert.NotEmpty(RuleHarness.Problems([new ReportsPastTheEnd()], "FROM python:3.12-slim\n", null, LintConfiguration.Empty));
        Assert.NotEmpty(RuleHarness.Problems([new ReportsPastTheEnd()], "", null, LintConfiguration.Empty));
    }

    /// <summary>A test-only rule that throws mid-check, after findings, when a stage has a LABEL.</summary>
    private sealed class ThrowsOnLabels : DockerfileRule
    {
        public override RuleInfo Info { get; } = new("TST001", "throws-on-labels", Severity.Error, "test only", []);

        public override void Check(DockerfileLintContext context, FindingSink findings)
        {
            foreach (var instruction in context.Document.Instructions)
            {
                if (instruction is LabelInstruction)
                    throw new InvalidOperationException("injected");
                findings.Add(At(context, instruction.Span, "seen"));
            }
        }
    }

    /// <summary>A test-only rule that reports a line past the end of the file.</summary>
    private sealed class ReportsPastTheEnd : DockerfileRule
    {
        public override RuleInfo Info { get; } = new("TST002", "reports-past-the-end", Severity.Error, "test only", []);

        public override void Check(DockerfileLintContext context, FindingSink findings)
        {
            var lines = context.Document.ToText().Count(c => c == '\n') + 1;
            findings.Add(new Finding(Info.Id, Info.Name, Info.Severity, context.File, lines + 1, 1, lines + 1, 2, "past the end", null));
        }
    }
}
