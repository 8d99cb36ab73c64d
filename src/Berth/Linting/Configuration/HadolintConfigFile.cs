using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Configuration;

/// <summary>
/// hadolint's <c>.hadolint.yaml</c>, so teams can switch without editing it: <c>ignored</c> and <c>override</c> name DL/SC rules,
/// mapped to the Berth rules that cover them (an ID no Berth rule covers is dropped); <c>failure-threshold</c>,
/// <c>trustedRegistries</c>, <c>label-schema</c> and <c>strict-labels</c> carry over. hadolint's other settings are accepted and have no effect; unknown keys are errors.
/// </summary>
public static class HadolintConfigFile
{
    public static readonly string[] FileNames = [".hadolint.yaml", ".hadolint.yml"];

    private static readonly string[] Inert = ["format", "no-color", "disable-ignore-pragma", "require-labels"];

    public static bool IsHadolintFile(string path) =>
        Path.GetFileName(path) is var name && (FileNames.Contains(name) || name is "hadolint.yaml" or "hadolint.yml");

    public static LintConfiguration Read(string file, IReadOnlyList<RuleInfo> rules)
    {
        var yaml = new YamlConfigReader(file);
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        Severity? failOn = null;
        var noFail = false;
        var trusted = new List<string>();
        IReadOnlyDictionary<string, Labels.LabelFormat> schema = new Dictionary<string, Labels.LabelFormat>(StringComparer.Ordinal);
        bool? strictLabels = null;
        foreach (var (key, value, keyNode) in yaml.Entries(yaml.ReadRoot()))
        {
            switch (key)
            {
                case "ignored":
                    foreach (var (id, _) in yaml.List(value))
                        ignored.UnionWith(Covering(id, rules));
                    break;
                case "override":
                    foreach (var (level, ids, levelNode) in yaml.Entries(yaml.Mapping(value)))
                    {
                        var severity = yaml.Severity(levelNode, allowStyle: true);
                        foreach (var (id, _) in yaml.List(ids))
                        {
                            foreach (var rule in Covering(id, rules))
                                severities[rule] = severity;
                        }
                    }
                    break;
                case "failure-threshold":
                    var threshold = yaml.Scalar(value).ToLowerInvariant();
                    if (threshold is "none" or "ignore")
                        noFail = true;
                    else
                        failOn = yaml.Severity(value, allowStyle: true);
                    break;
                case "no-fail":
                    noFail = yaml.Boolean(value);
                    break;
                case "trustedRegistries":
                    trusted.AddRange(yaml.List(value).Select(v => v.Value));
                    break;
                case "label-schema":
                    schema = yaml.LabelSchema(value);
                    break;
                case "strict-labels":
                    strictLabels = yaml.Boolean(value);
                    break;
                case var inert when Inert.Contains(inert):
                    break;
                default:
                    throw yaml.Error(keyNode, $"unknown hadolint setting '{key}'");
            }
        }
        return new LintConfiguration(ignored, severities, failOn, noFail, trusted, schema, strictLabels, [file]);
    }

    /// <summary>The Berth rules that cover a hadolint ID; a Berth ID stays itself.</summary>
    private static IEnumerable<string> Covering(string id, IReadOnlyList<RuleInfo> rules)
    {
        var own = rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        if (own is not null)
            return [own.Id];
        return rules.Where(r => r.Covers.Any(c => string.Equals(c, id, StringComparison.OrdinalIgnoreCase))).Select(r => r.Id);
    }
}
