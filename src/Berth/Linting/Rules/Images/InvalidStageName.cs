using System.Text.RegularExpressions;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF114: a stage name BuildKit refuses: it must start with a letter and hold only letters, digits, '-', '_' and '.'.</summary>
public sealed partial class InvalidStageName : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF114", "invalid-stage-name", Severity.Error,
        "A stage name has characters BuildKit does not accept", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.StageName is { } name && !Valid().IsMatch(name.Value))
                findings.Add(At(context, name.Span, $"stage name {name.Value} must start with a letter and contain only letters, digits, '-', '_' and '.'",
                    Fixed(name.Value)));
        }
    }

    private static string? Fixed(string name)
    {
        var text = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).TrimStart('-', '_', '.');
        while (text.Length > 0 && char.IsAsciiDigit(text[0]))
            text = text[1..];
        return text.Length > 0 && Valid().IsMatch(text) ? text : null;
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9\-_.]*$")]
    private static partial Regex Valid();
}
