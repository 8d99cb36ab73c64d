using Berth.Apps;
using Berth.Kubernetes;
using Berth.Linting;

namespace Berth.Tests.Linting;

/// <summary>
/// Per-rule Kubernetes fixtures with the expectation inline, as <see cref="LintCase"/> does for Dockerfiles: a comment line
/// <c>#! ID</c> marks that the rule must fire on the next non-comment line; a finding of that rule on any other line fails the test.
/// Several files are separated by a line <c>=== name</c>; the first file is <c>deploy.yaml</c> unless named.
/// </summary>
public static class KubeCase
{
    public static IReadOnlyList<Finding> Assert(string ruleId, string yaml, ServiceProfile? app = null, ImageUser? imageUser = null, string origin = "k8s",
        ImageWorkdir? imageWorkdir = null)
    {
        var files = Split(yaml);
        var expected = new List<(string File, int Line)>();
        foreach (var (file, text) in files)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "#! " + ruleId)
                    continue;
                var next = i + 1;
                while (next < lines.Length && (lines[next].TrimStart().StartsWith('#') || lines[next].Trim().Length == 0))
                    next++;
                expected.Add((file, next + 1));
            }
        }
        var set = new ManifestSet(origin, [.. files.Select(f => ManifestFile.Read(f.File, f.Text))]);
        var findings = KubernetesLinter.Lint(set, app, imageUser, imageWorkdir: imageWorkdir).Where(f => f.Rule == ruleId).ToList();
        Xunit.Assert.Equal(
            expected.Distinct().Order().Select(e => $"{e.File}:{e.Line}"),
            findings.Select(f => (f.File, f.Line)).Distinct().Order().Select(e => $"{e.File}:{e.Line}"));
        return findings;
    }

    private static List<(string File, string Text)> Split(string yaml)
    {
        var files = new List<(string File, string Text)>();
        var name = Path.Combine("k8s", "deploy.yaml");
        var current = new List<string>();
        foreach (var line in yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (current.Count > 0)
                    files.Add((name, string.Join('\n', current)));
                name = Path.Combine("k8s", line[4..].Trim());
                current = [];
                continue;
            }
            current.Add(line);
        }
        files.Add((name, string.Join('\n', current)));
        return files;
    }
}
