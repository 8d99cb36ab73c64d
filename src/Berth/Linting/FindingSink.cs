using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>
/// Where rules put their findings on one file: each finding is kept at once unless a suppression comment covers it or the
/// configuration drops it (severity overrides applied), so rules need not build and hand back a sequence.
/// </summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings = [];
    private readonly Suppressions? _suppressions;
    private readonly LintConfiguration? _configuration;

    /// <summary>A sink that keeps every finding as the rule reports it.</summary>
    public FindingSink()
    {
    }

    /// <summary>A sink that drops suppressed findings and applies the configuration to the rest.</summary>
    public FindingSink(Suppressions suppressions, LintConfiguration configuration)
    {
        _suppressions = suppressions;
        _configuration = configuration;
    }

    /// <summary>The findings kept so far, in the order they were added.</summary>
    public List<Finding> Findings => _findings;

    public void Add(Finding finding)
    {
        if (_suppressions is not null && _suppressions.Suppresses(finding))
            return;
        if (_configuration is null)
            _findings.Add(finding);
        else if (_configuration.Apply(finding) is { } applied)
            _findings.Add(applied);
    }
}
