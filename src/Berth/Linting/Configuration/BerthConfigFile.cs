using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Configuration;

/// <summary>
/// Berth's own <c>.berth.yaml</c>: <c>ignored: [BDF402]</c>, <c>severity: {BDF501: error}</c>, <c>failOn: warning</c>,
/// <c>trustedRegistries: [...]</c>. Unknown keys and unknown rule IDs are errors, so typos do not pass silently.
/// </summary>
public static class BerthConfigFile
{
    public const string FileName = ".berth.yaml";

    public static LintConfiguration Read(string file, IReadOnlyList<RuleInfo> rules)
    {
        var yaml = new YamlConfigReader(file);
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        Severity? failOn = null;
        var trusted = new List<string>();
        foreach (var (key, value, keyNode) in yaml.Entries(yaml.ReadRoot()))
        {
            switch (key)
            {
                case "ignored":
                    foreach (var (id, node) in yaml.List(value))
                        ignored.Add(RuleId(yaml, id, node, rules));
                    break;
                case "severity":
                    foreach (var (id, severity, idNode) in yaml.Entries(yaml.Mapping(value)))
                        severities[RuleId(yaml, id, idNode, rules)] = yaml.Severity(severity);
                    break;
                case "failOn":
                    failOn = yaml.Severity(value);
                    break;
                case "trustedRegistries":
                    trusted.AddRange(yaml.List(value).Select(v => v.Value));
                    break;
                default:
                    throw yaml.Error(keyNode, $"unknown setting '{key}' (expected ignored, severity, failOn or trustedRegistries)");
            }
        }
        return new LintConfiguration(ignored, severities, failOn, false, trusted, [file]);
    }

    private static string RuleId(YamlConfigReader yaml, string id, YamlNode node, IReadOnlyList<RuleInfo> rules) =>
        rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw yaml.Error(node, $"unknown rule '{id}' (see `berth rules`)");
}
