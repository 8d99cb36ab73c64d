using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF108: with the global ARG defaults, a FROM image expands to an empty or invalid reference, so a build without --build-arg fails.</summary>
public sealed class InvalidDefaultArgInFrom : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF108", "invalid-default-arg-in-from", Severity.Warning,
        "FROM expands to an empty or invalid image with the ARG defaults", ["InvalidDefaultArgInFrom"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var escape = context.Document.EscapeChar;
        var global = ImageText.GlobalArgs(context.Document);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in global)
            values[name] = raw is null ? "" : VariableExpander.Expand(raw, n => values.TryGetValue(n, out var v) ? v : null, escape).Value;
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.ImageWord is not { } word || word.Raw.IndexOf('$', StringComparison.Ordinal) < 0)
                continue;
            var names = ImageText.Variables(word.Raw, escape);
            if (names.Any(n => !global.ContainsKey(n)))
                continue; // BDF107's finding
            var value = VariableExpander.Expand(word.Raw, n => values.TryGetValue(n, out var v) ? v : null, escape).Value;
            if (IsValid(value))
                continue;
            var empty = names.Where(n => global[n] is null).Distinct(StringComparer.Ordinal).ToList();
            findings.Add(At(context, word.Span, value.Length == 0
                    ? $"{word.Raw} is empty unless a build argument is given"
                    : $"{word.Raw} expands to \"{value}\", which is not a valid image reference",
                empty.Count > 0 ? $"Give ARG {empty[0]} a default, e.g. ARG {empty[0]}=<image or tag>" : "Fix the ARG defaults so the reference is valid"));
        }
    }

    private static bool IsValid(string reference)
    {
        if (reference.Length == 0 || reference.Any(char.IsWhiteSpace))
            return false;
        var image = ImageReference.Parse(reference);
        if (image.Repository.Length == 0 || image.Repository.EndsWith('/') || image.Repository.StartsWith('/') || image.Repository.Contains("//", StringComparison.Ordinal))
            return false;
        if (image.Tag is { Length: 0 } || image.Digest is { Length: 0 })
            return false;
        return image.Repository.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' or '/');
    }
}
