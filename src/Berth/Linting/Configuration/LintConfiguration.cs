using Berth.Linting.Labels;

namespace Berth.Linting.Configuration;

/// <summary>
/// What a team set for <c>berth lint</c> in <c>.berth.yaml</c> and/or <c>.hadolint.yaml</c>: rules turned off, severities changed,
/// the failure threshold, the registries it trusts, and the labels it requires (a label schema, and whether labels outside it are
/// flagged). <see cref="Empty"/> changes nothing.
/// </summary>
public sealed record LintConfiguration(
    IReadOnlySet<string> Ignored,
    IReadOnlyDictionary<string, Severity> SeverityOverrides,
    Severity? FailOn,
    bool NoFail,
    IReadOnlyList<string> TrustedRegistries,
    IReadOnlyDictionary<string, LabelFormat> LabelSchema,
    bool? StrictLabels,
    IReadOnlyList<string> Sources)
{
    public static LintConfiguration Empty { get; } = new(
        new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase),
        null,
        false,
        [],
        new Dictionary<string, LabelFormat>(StringComparer.Ordinal),
        null,
        []);

    /// <summary>The finding as the configuration wants it: null when its rule is ignored, else with its severity overridden.</summary>
    public Finding? Apply(Finding finding)
    {
        if (Ignored.Contains(finding.Rule))
            return null;
        return SeverityOverrides.TryGetValue(finding.Rule, out var severity) ? finding with { Severity = severity } : finding;
    }

    /// <summary>This configuration with <paramref name="other"/> layered on top (other's settings win where both set one).</summary>
    public LintConfiguration Merge(LintConfiguration other)
    {
        var ignored = new HashSet<string>(Ignored, StringComparer.OrdinalIgnoreCase);
        ignored.UnionWith(other.Ignored);
        var severities = new Dictionary<string, Severity>(SeverityOverrides, StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, severity) in other.SeverityOverrides)
            severities[rule] = severity;
        var schema = new Dictionary<string, LabelFormat>(LabelSchema, StringComparer.Ordinal);
        foreach (var (label, format) in other.LabelSchema)
            schema[label] = format;
        return new LintConfiguration(
            ignored,
            severities,
            other.FailOn ?? FailOn,
            NoFail || other.NoFail,
            [.. TrustedRegistries.Concat(other.TrustedRegistries).Distinct(StringComparer.Ordinal)],
            schema,
            other.StrictLabels ?? StrictLabels,
            [.. Sources.Concat(other.Sources)]);
    }
}
