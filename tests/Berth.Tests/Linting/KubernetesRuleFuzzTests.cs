using System.Text;
using Berth.Kubernetes;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting;

/// <summary>
/// Every Kubernetes rule over seeded random and mutated YAML (anchors, aliases, alias bombs, deep nesting, tabs, duplicate keys, invalid
/// UTF-8 decoded with replacement characters), with and without an app: nothing throws, every finding lies inside its file, and each
/// input is linted in bounded time.
/// </summary>
public sealed class KubernetesRuleFuzzTests
{
    private static readonly string[] Fragments =
    [
        "apiVersion: apps/v1\n", "kind: Deployment\n", "kind: Service\n", "kind: HTTPRoute\n", "kind: List\nitems:\n", "---\n", "metadata:\n", "  name: web\n",
        "  labels: {app: web}\n", "spec:\n", "  selector: {matchLabels: {app: web}}\n", "  template:\n", "    spec:\n", "      containers:\n", "        - name: web\n",
        "          image: nginx\n", "          ports: [{name: http, containerPort: 8000}]\n", "          readinessProbe: {httpGet: {path: /h, port: http}}\n",
        "  ports: [{port: 80, targetPort: web}]\n", "  parentRefs: [{name: gw, sectionName: x}]\n", "  rules: [{backendRefs: [{name: web}]}]\n",
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n", "x: *missing\n", "<<: *a\n",
        "\tname: tab\n", "name: a\nname: b\n", "[[[[[[[[[[", "]]]]", "{a: [b, {c: d}]}\n", "? complex\n: key\n", "- - - -\n", "!!binary aGVsbG8=\n", "\"\\u0000\"\n",
        "value: 8080\n", "replicas: \"2\"\n", "env: [{name: DB_PASSWORD, value: x}]\n", "securityContext: {runAsNonRoot: true, privileged: true}\n",
        "\uFFFD\uFFFD\n", "key: |\n  block\n", "key: >-\n  folded\n", "  ", "\n", ":", "#", "&", "*", "|", "-",
    ];

    [Fact]
    public void Every_rule_survives_random_yaml()
    {
        var random = new Random(3181);
        for (var i = 0; i < 600; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
                text.Append(Fragments[random.Next(Fragments.Length)]);
            AssertNoProblems(text.ToString(), i);
        }
    }

    [Fact]
    public void Every_rule_survives_mutated_rule_examples()
    {
        var random = new Random(5527);
        var seeds = Seeds();
        for (var i = 0; i < 600; i++)
        {
            var text = seeds[i % seeds.Count].ToCharArray().ToList();
            for (var m = random.Next(1, 6); m > 0 && text.Count > 0; m--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(4))
                {
                    case 0:
                        text.RemoveAt(at);
                        break;
                    case 1:
                        text.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                        break;
                    case 2:
                        text[at] = "\t :-{}[]&*!|>'\"#\n"[random.Next(17)];
                        break;
                    default:
                        var from = random.Next(text.Count);
                        text.InsertRange(at, text.Skip(from).Take(random.Next(1, 40)).ToList());
                        break;
                }
            }
            AssertNoProblems(new string([.. text]), i);
        }
    }

    [Fact]
    public void Invalid_utf8_huge_and_deep_documents_are_read_in_bounded_time()
    {
        AssertNoProblems(Encoding.UTF8.GetString([0x61, 0x3A, 0x20, 0xFF, 0xFE, 0xC3, 0x28, 0x0A]), 0);
        AssertNoProblems(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}}}\ndata: {{K{i}: v}}\n")), 1);
        AssertNoProblems("apiVersion: v1\nkind: Pod\nspec: " + new string('[', 3000) + new string(']', 3000) + "\n", 2);
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
            bomb.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
        bomb.Append("metadata: {labels: *l9}\nspec: {template: {spec: {containers: *l9}}}\n");
        AssertNoProblems(bomb.ToString(), 3);
    }

    private static void AssertNoProblems(string text, int i)
    {
        var app = i % 2 == 0 ? LintCase.App(8000, "/health") : null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Finding> findings;
        try
        {
            var set = new ManifestSet(i % 3 == 0 ? "k8s/overlays/prod" : "k8s", [ManifestFile.Read("deploy.yaml", text)]);
            findings = KubernetesLinter.Lint(set, app, new ImageUser(i % 2 == 0 ? "app" : "10001", "Dockerfile", 3));
        }
        catch (Exception e)
        {
            Assert.Fail($"input #{i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{TextClip(text)}");
            return;
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"input #{i} took {watch.Elapsed}");
        var lines = text.Count(c => c == '\n') + 1;
        foreach (var f in findings)
        {
            Assert.True(f.File == "deploy.yaml", $"input #{i}: {f.Rule} reported in {f.File}");
            Assert.True(f.Line >= 1 && f.Line <= lines && f.Column >= 1 && f.EndLine >= f.Line && (f.EndLine > f.Line || f.EndColumn >= f.Column) && f.Message.Length > 0,
                $"input #{i}: {f.Rule} reported {f.Line}:{f.Column}-{f.EndLine}:{f.EndColumn} in {lines} lines: {f.Message}\n--- input ---\n{TextClip(text)}");
        }
    }

    private static string TextClip(string text) => text.Length > 2000 ? text[..2000] + "…" : text;

    /// <summary>The ```yaml examples and fixes of the BK8 rule pages, and the shared fixtures.</summary>
    private static List<string> Seeds()
    {
        var seeds = new List<string> { Rules.Kubernetes.KubeFixtures.Hardened, Rules.Kubernetes.GatewayFixtures.Gateway };
        foreach (var page in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "BK8*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(page);
            var at = 0;
            while ((at = text.IndexOf("```yaml\n", at, StringComparison.Ordinal)) >= 0)
            {
                var start = at + "```yaml\n".Length;
                var end = text.IndexOf("```", start, StringComparison.Ordinal);
                if (end < 0)
                    break;
                seeds.Add("apiVersion: apps/v1\nkind: Deployment\n" + text[start..end]);
                at = end + 3;
            }
        }
        return seeds;
    }
}
