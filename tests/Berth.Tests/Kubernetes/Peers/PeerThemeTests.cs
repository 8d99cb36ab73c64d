using Berth.Kubernetes;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Kubernetes.Peers;

/// <summary>
/// The shared themes of kube-score, kube-linter and Polaris, one fixture file per theme group next to this class. The file's
/// header names the Berth rules of its themes (<c># rules: BK8101 BK8102</c>); each object carries <c># expect:</c> (the rules
/// that must fire on it, or <c>-</c>) and <c># peers:</c> (what the three tools document for it, and why Berth differs when it
/// does). The test lints each file as one set and compares, object by object, the findings of the header's rules with the
/// expectation, so the comparison bench/k8s-peers/compare.py makes against the peers' own fixtures stays guarded without them.
/// </summary>
public sealed class PeerThemeTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Kubernetes", "Peers");

    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Berth_finds_on_each_object_what_is_recorded_next_to_it(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var fixture = PeerFixture.Parse(name, text);
        Assert.NotEmpty(fixture.Rules);
        Assert.All(fixture.Objects, o => Assert.False(string.IsNullOrWhiteSpace(o.Peers), $"{name}:{o.FirstLine}: no '# peers:' line"));

        var findings = KubernetesLinter.Lint(new ManifestSet("k8s", [ManifestFile.Read(name, text)]))
            .Where(f => fixture.Rules.Contains(f.Rule)).ToList();
        var expected = fixture.Objects.Select(o => $"{o.Name}: {string.Join(' ', o.Expected.Order(StringComparer.Ordinal))}");
        var actual = fixture.Objects.Select(o => $"{o.Name}: {string.Join(' ', findings.Where(f => f.Line >= o.FirstLine && f.Line <= o.LastLine).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal))}");
        Assert.Equal(expected, actual);
        Assert.All(findings, f => Assert.Contains(fixture.Objects, o => f.Line >= o.FirstLine && f.Line <= o.LastLine));
    }

    [Fact]
    public void Every_theme_rule_both_fires_and_stays_silent_somewhere()
    {
        foreach (var name in Directory.EnumerateFiles(Folder, "*.yaml"))
        {
            var fixture = PeerFixture.Parse(Path.GetFileName(name), File.ReadAllText(name).Replace("\r\n", "\n", StringComparison.Ordinal));
            foreach (var rule in fixture.Rules)
            {
                Assert.True(fixture.Objects.Any(o => o.Expected.Contains(rule)), $"{name}: no object on which {rule} fires");
                Assert.True(fixture.Objects.Any(o => !o.Expected.Contains(rule)), $"{name}: no object on which {rule} stays silent");
            }
        }
    }
}

/// <summary>One fixture file: the rules it is about and its objects with their expectations and line ranges.</summary>
internal sealed record PeerFixture(IReadOnlySet<string> Rules, IReadOnlyList<PeerFixtureObject> Objects)
{
    public static PeerFixture Parse(string name, string text)
    {
        var lines = text.Split('\n');
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var objects = new List<PeerFixtureObject>();
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].StartsWith("# rules:", StringComparison.Ordinal))
                rules.UnionWith(lines[i]["# rules:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (i < lines.Length && lines[i].TrimEnd() != "---")
                continue;
            var document = lines[start..i];
            var expect = document.FirstOrDefault(l => l.StartsWith("# expect:", StringComparison.Ordinal));
            if (expect is not null)
            {
                var peers = string.Join(' ', document.Where(l => l.StartsWith("# peers:", StringComparison.Ordinal) || l.StartsWith("#   ", StringComparison.Ordinal)));
                var objectName = document.FirstOrDefault(l => l.StartsWith("  name:", StringComparison.Ordinal))?["  name:".Length..].Trim()
                    ?? throw new InvalidOperationException($"{name}:{start + 1}: the object has no metadata.name");
                var expected = expect["# expect:".Length..].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(r => r != "-").ToHashSet(StringComparer.Ordinal);
                objects.Add(new PeerFixtureObject(objectName, start + 1, i, expected, peers));
            }
            start = i + 1;
        }
        return new PeerFixture(rules, objects);
    }
}

internal sealed record PeerFixtureObject(string Name, int FirstLine, int LastLine, IReadOnlySet<string> Expected, string Peers);
