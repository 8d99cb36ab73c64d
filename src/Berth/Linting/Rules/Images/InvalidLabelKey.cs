using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF512: a LABEL key outside Docker's key format (lowercase letters, digits, '.', '-', '_' and '/', starting with a letter and ending with a letter
/// or digit, no '..' or '--') or in a namespace Docker reserves (com.docker., io.docker., org.dockerproject.).
/// </summary>
public sealed class InvalidLabelKey : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF512", "invalid-label-key", Severity.Info,
        "A LABEL key breaks Docker's label key format or uses a reserved namespace", ["DL3048"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var pair in context.Document.Instructions.OfType<LabelInstruction>().SelectMany(l => l.Pairs))
        {
            var key = pair.Key;
            if (key.Contains('$', StringComparison.Ordinal))
                continue;
            if (key.StartsWith("com.docker.", StringComparison.Ordinal) || key.StartsWith("io.docker.", StringComparison.Ordinal) || key.StartsWith("org.dockerproject.", StringComparison.Ordinal))
                findings.Add(At(context, pair.KeySpan, $"label {key} is in a namespace Docker reserves", "Use your own reverse-DNS prefix or org.opencontainers.image.*"));
            else if (!IsValid(key))
                findings.Add(At(context, pair.KeySpan, $"label key {key} should use lowercase letters, digits, '.', '-', '_' and '/', start with a letter and end with a letter or digit",
                    IsValid(key.ToLowerInvariant()) ? key.ToLowerInvariant() : null));
        }
    }

    private static bool IsValid(string key) =>
        key.Length > 0 && char.IsAsciiLetterLower(key[0]) && (char.IsAsciiLetterLower(key[^1]) || char.IsAsciiDigit(key[^1]))
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_' or '/')
        && !key.Contains("..", StringComparison.Ordinal) && !key.Contains("--", StringComparison.Ordinal);
}
