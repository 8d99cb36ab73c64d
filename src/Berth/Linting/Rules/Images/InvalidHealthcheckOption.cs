using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF517: a HEALTHCHECK option Docker rejects: a duration that is not a Go duration (30s, 1m30s), a non-positive --retries, or options on HEALTHCHECK NONE.</summary>
public sealed partial class InvalidHealthcheckOption : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF517", "invalid-healthcheck-option", Severity.Error,
        "A HEALTHCHECK option has an invalid value", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var check in context.Document.Instructions.OfType<HealthcheckInstruction>())
        {
            foreach (var flag in check.Flags)
            {
                var value = flag.Value ?? "";
                var span = flag.ValueSpan ?? flag.Span;
                if (value.Contains('$', StringComparison.Ordinal))
                    continue;
                if (check.IsNone)
                {
                    findings.Add(At(context, flag.Span, $"--{flag.Name} has no effect on HEALTHCHECK NONE", "Remove the option"));
                }
                else if (flag.Name is "interval" or "timeout" or "start-period" or "start-interval" && !Duration().IsMatch(value))
                {
                    findings.Add(At(context, span, $"--{flag.Name}={value} is not a duration: write a number with a unit, e.g. 30s or 1m30s",
                        value.Length > 0 && value.All(char.IsAsciiDigit) ? value + "s" : null));
                }
                else if (flag.Name == "retries" && !(int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retries) && retries > 0))
                {
                    findings.Add(At(context, span, $"--retries={value} must be a whole number of at least 1", "3"));
                }
            }
        }
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Duration();
}
