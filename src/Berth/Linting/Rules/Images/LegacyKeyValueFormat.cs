using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF510: ENV key value (the legacy whitespace form): one variable per instruction, and the value silently swallows the rest of the line.</summary>
public sealed class LegacyKeyValueFormat : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF510", "legacy-env-format", Severity.Info,
        "ENV uses the legacy 'key value' form instead of key=value", ["LegacyKeyValueFormat"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var env in context.Document.Instructions.OfType<EnvInstruction>().Where(e => e.IsLegacyForm && e.Pairs.Count == 1))
        {
            var pair = env.Pairs[0];
            if (pair.RawValue.Trim().Length == 0)
                continue; // a syntax error (BDF001)
            var value = pair.Value.Trim();
            var quoted = value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '$' or '{' or '}' or ',' or '=' or '@' or '+')
                ? value
                : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            findings.Add(At(context, env.Arguments.Span, $"ENV {pair.Key} {value} uses the legacy form", $"{env.Keyword} {pair.Key}={quoted}"));
        }
    }
}
