namespace Berth.Linting.Rules.Images;

/// <summary>BDF107: FROM (or its --platform) refers to a variable that no global ARG declares: it expands to nothing.</summary>
public sealed class UndefinedArgInFrom : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF107", "undefined-arg-in-from", Severity.Warning,
        "FROM uses a variable no ARG before the first FROM declares", ["UndefinedArgInFrom"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var escape = context.Document.EscapeChar;
        var global = ImageText.GlobalArgs(context.Document);
        foreach (var stage in context.Document.Stages)
        {
            var from = stage.From;
            var words = new List<(string Raw, Dockerfiles.SourceSpan Span)>();
            if (from.ImageWord is { } image)
                words.Add((image.Raw, image.Span));
            if (from.Flag("platform") is { Value: { } platform } flag)
                words.Add((platform, flag.ValueSpan ?? flag.Span));
            foreach (var (raw, span) in words)
            {
                foreach (var name in ImageText.Variables(raw, escape).Distinct(StringComparer.Ordinal))
                {
                    if (global.ContainsKey(name) || ImageText.PredefinedArgs.Contains(name))
                        continue;
                    var near = global.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                    findings.Add(At(context, span, $"FROM uses ${name}, but no ARG {name} comes before the first FROM" + (near is null ? "" : $" (did you mean {near}?)"),
                        near is null ? $"Declare ARG {name}=<default> before the first FROM" : $"Use ${near}"));
                }
            }
        }
    }
}
