using YamlDotNet.RepresentationModel;

namespace Berth.Linting.Configuration;

/// <summary>
/// Berth's own <c>.berth.yaml</c>: <c>ignored: [BDF402]</c>, <c>severity: {BDF501: error}</c>, <c>failOn: warning</c>,
/// <c>trustedRegistries: [...]</c>, <c>labelSchema: {maintainer: email}</c>, <c>strictLabels: true</c> (hadolint's spellings
/// <c>label-schema</c> and <c>strict-labels</c> are accepted too). Unknown keys and unknown rule IDs are errors, so typos do not pass silently.
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
        var schema = new Dictionary<string, Labels.LabelFormat>(StringComparer.Ordinal);
        bool? strictLabels = null;
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
                case "labelSchema" or "label-schema":
                    foreach (var (label, format) in yaml.LabelSchema(value))
                        schema[label] = format;
                    break;
                case "strictLabels" or "strict-labels":
                    strictLabels = yaml.Boolean(value);
                    break;
                default:
                    throw yaml.Error(keyNode, $"unknown setting '{key}' (expected ignored, severity, failOn, trustedRegistries, labelSchema or strictLabels)");
            }
        }
        return new LintConfiguration(ignored, severities, failOn, false, trusted, schema, strictLabels, [file]);
    }

    private static string RuleId(YamlConfigReader yaml, string id, YamlNode node, IReadOnlyList<RuleInfo> rules) =>
        rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw yaml.Error(node, $"unknown rule '{id}' (see `berth rules`)");
}
