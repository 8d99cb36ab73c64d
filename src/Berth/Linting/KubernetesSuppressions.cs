using Berth.Kubernetes;

namespace Berth.Linting;

/// <summary>
/// The rules an object's annotations turn off: <c>berth.io/ignore: BK8001,BK8002</c>, kube-linter's
/// <c>ignore-check.kube-linter.io/&lt;check&gt;</c>, kube-score's <c>kube-score/ignore: check,check</c> and Polaris'
/// <c>polaris.fairwinds.com/&lt;check&gt;-exempt: "true"</c> (or <c>polaris.fairwinds.com/exempt</c> for all), the peers' checks
/// mapped to the Berth rules that cover them (a rule's Covers lists <c>kube-linter/latest-tag</c>, <c>kube-score/…</c>, <c>polaris/…</c>).
/// </summary>
public static class KubernetesSuppressions
{
    public const string Annotation = "berth.io/ignore";

    public static IReadOnlySet<string> Ignored(KubeObject subject, IReadOnlyList<RuleInfo> rules)
    {
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in subject.Annotations)
        {
            if (key == Annotation)
                ignored.UnionWith(List(value));
            else if (key.StartsWith("ignore-check.kube-linter.io/", StringComparison.Ordinal))
                ignored.UnionWith(Covering(rules, "kube-linter/" + key["ignore-check.kube-linter.io/".Length..]));
            else if (key == "kube-score/ignore")
                ignored.UnionWith(List(value).SelectMany(check => Covering(rules, "kube-score/" + check)));
            else if (key == "polaris.fairwinds.com/exempt" && IsTrue(value))
                ignored.UnionWith(rules.Where(r => r.Covers.Any(c => c.StartsWith("polaris/", StringComparison.Ordinal))).Select(r => r.Id));
            else if (key.StartsWith("polaris.fairwinds.com/", StringComparison.Ordinal) && key.EndsWith("-exempt", StringComparison.Ordinal) && IsTrue(value))
                ignored.UnionWith(Covering(rules, "polaris/" + key["polaris.fairwinds.com/".Length..^"-exempt".Length]));
        }
        return ignored;
    }

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> List(string value) => value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Covering(IReadOnlyList<RuleInfo> rules, string check) =>
        rules.Where(r => r.Covers.Any(c => string.Equals(c, check, StringComparison.OrdinalIgnoreCase))).Select(r => r.Id);
}
