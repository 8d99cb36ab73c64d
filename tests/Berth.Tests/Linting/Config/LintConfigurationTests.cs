using Berth.Linting;
using Berth.Linting.Configuration;
using Berth.Linting.Labels;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Config;

public sealed class LintConfigurationTests
{
    private const string WarningOnly = "FROM python:3.11-slim\nUSER 10001\nCMD python app.py\n"; // BDF501 (warning) only

    private static TempTree Tree(params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string> { ["Dockerfile"] = WarningOnly };
        foreach (var (path, text) in files)
            all[path] = text;
        return new TempTree(all);
    }

    [Fact]
    public void Berth_file_ignores_rules()
    {
        using var tree = Tree((".berth.yaml", "ignored: [BDF501]\n"));
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("BDF501", run.Stdout);
    }

    [Fact]
    public void Berth_file_overrides_severity_and_threshold()
    {
        using (var tree = Tree((".berth.yaml", "severity:\n  BDF501: error\n")))
        {
            var run = BerthCli.Run("lint", tree.Root);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("error BDF501", run.Stdout);
        }
        using (var tree = Tree((".berth.yaml", "failOn: warning\n")))
        {
            Assert.Equal(1, BerthCli.Run("lint", tree.Root).ExitCode);
            Assert.Equal(0, BerthCli.Run("lint", tree.Root, "--fail-on", "error").ExitCode); // the command line wins
        }
    }

    [Fact]
    public void Hadolint_file_is_honoured_through_covers()
    {
        using var tree = Tree((".hadolint.yaml", "ignored:\n  - DL3025\n  - DL9999\nfailure-threshold: warning\ntrustedRegistries: docker.io\n"));
        var run = BerthCli.Run("lint", tree.Root, "--fail-on", "warning");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("BDF501", run.Stdout);
        var configuration = LintConfigurationLoader.Load(null, [tree.Root], tree.Root);
        Assert.Equal(["docker.io"], configuration.TrustedRegistries);
        Assert.Equal(Severity.Warning, configuration.FailOn);
        Assert.Contains("BDF501", configuration.Ignored);
    }

    [Fact]
    public void Hadolint_overrides_map_to_berth_rules_and_berth_file_wins()
    {
        using var tree = Tree(
            (".hadolint.yml", "override:\n  error: [DL3025]\ntrustedRegistries: [ghcr.io]\n"),
            (".berth.yaml", "severity: {BDF501: info}\ntrustedRegistries: [quay.io]\n"));
        var configuration = LintConfigurationLoader.Load(null, [tree.Root], tree.Root);
        Assert.Equal(Severity.Info, configuration.SeverityOverrides["BDF501"]);
        Assert.Equal(["ghcr.io", "quay.io"], configuration.TrustedRegistries);
        Assert.Contains("info BDF501", BerthCli.Run("lint", tree.Root).Stdout);
    }

    [Fact]
    public void Failure_threshold_none_never_fails()
    {
        using var tree = Tree((".hadolint.yaml", "failure-threshold: none\noverride:\n  error: [DL3025]\n"));
        Assert.Equal(0, BerthCli.Run("lint", tree.Root).ExitCode);
    }

    [Fact]
    public void Explicit_config_file_is_used()
    {
        using var tree = Tree(("ci/lint.yaml", "ignored: [BDF501]\n"), (".berth.yaml", "severity: {BDF501: error}\n"));
        var run = BerthCli.Run("lint", tree.Root, "--config", tree.PathOf("ci/lint.yaml"));
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("BDF501", run.Stdout);
        var missing = BerthCli.Run("lint", tree.Root, "--config", tree.PathOf("nope.yaml"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("config file not found", missing.Stderr);
    }

    [Theory]
    [InlineData(".berth.yaml", "ignored: [BDF501]\nfailon: warning\n", ":2: unknown setting 'failon'")]
    [InlineData(".berth.yaml", "ignored: [BDF501\n", ":2: invalid YAML")]
    [InlineData(".berth.yaml", "severity:\n  BDF501: fatal\n", ":2: unknown severity 'fatal'")]
    [InlineData(".berth.yaml", "ignored:\n  - BDF999\n", ":2: unknown rule 'BDF999'")]
    [InlineData(".berth.yaml", "- a\n- b\n", ":1: expected a mapping")]
    [InlineData(".hadolint.yaml", "ignored: [DL3008]\nformatt: json\n", ":2: unknown hadolint setting 'formatt'")]
    [InlineData(".hadolint.yaml", "label-schema:\n  author: text\n  version: semvar\n", ":3: unknown label format 'semvar'")]
    [InlineData(".berth.yaml", "strictLabels: maybe\n", ":1: expected true or false")]
    public void Bad_config_is_an_input_error_with_file_and_line(string name, string text, string expected)
    {
        using var tree = Tree((name, text));
        var run = BerthCli.Run("lint", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(name + expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Library_call_keeps_its_signature_and_takes_a_configuration()
    {
        var plain = DockerfileLinter.Lint("Dockerfile", WarningOnly);
        Assert.Contains(plain, f => f.Rule == "BDF501");
        var configured = DockerfileLinter.Lint("Dockerfile", WarningOnly, configuration: LintConfiguration.Empty with { Ignored = new HashSet<string> { "BDF501" } });
        Assert.DoesNotContain(configured, f => f.Rule == "BDF501");
    }

    [Fact]
    public void Empty_file_changes_nothing()
    {
        using var tree = Tree((".berth.yaml", ""));
        Assert.Equal(LintConfiguration.Empty.Ignored, LintConfigurationLoader.Load(null, [tree.Root], tree.Root).Ignored);
        Assert.Contains("BDF501", BerthCli.Run("lint", tree.Root).Stdout);
    }

    [Fact]
    public void Label_schema_and_strict_labels_come_from_either_file_and_berth_wins()
    {
        using var tree = Tree(
            (".hadolint.yaml", "label-schema:\n  maintainer: email\n  version: semver\nstrict-labels: true\n"),
            (".berth.yaml", "labelSchema: {version: text, org.opencontainers.image.source: url}\nstrictLabels: false\n"));
        var configuration = LintConfigurationLoader.Load(null, [tree.Root], tree.Root);
        Assert.Equal(LabelFormat.Email, configuration.LabelSchema["maintainer"]);
        Assert.Equal(LabelFormat.Text, configuration.LabelSchema["version"]);
        Assert.Equal(LabelFormat.Url, configuration.LabelSchema["org.opencontainers.image.source"]);
        Assert.False(configuration.StrictLabels);
        using var hadolintOnly = Tree((".hadolint.yaml", "strict-labels: true\n"));
        Assert.True(LintConfigurationLoader.Load(null, [hadolintOnly.Root], hadolintOnly.Root).StrictLabels);
        using var berthOnly = Tree((".berth.yaml", "label-schema: {author: text}\nstrict-labels: yes\n"));
        var hadolintSpelling = LintConfigurationLoader.Load(null, [berthOnly.Root], berthOnly.Root);
        Assert.Equal(LabelFormat.Text, hadolintSpelling.LabelSchema["author"]);
        Assert.True(hadolintSpelling.StrictLabels);
    }
}
