namespace Berth.Linting.Rules.Images;

/// <summary>BDF112: the AS of a FROM line is not cased like its FROM (FROM ... as name).</summary>
public sealed class FromAsCasing : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF112", "from-as-casing-mismatch", Severity.Info,
        "The AS keyword is cased differently from FROM", ["FromAsCasing"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            var from = stage.From;
            if (from.StageName is null)
                continue;
            var words = ImageText.FromWords(from, context.Document.EscapeChar);
            if (words.Count != 3)
                continue;
            var keyword = from.Keyword;
            var asWord = words[1];
            if (ImageText.IsUpper(keyword) && !ImageText.IsUpper(asWord.Raw))
                findings.Add(At(context, asWord.Span, $"'{asWord.Raw}' does not match the casing of '{keyword}'", "AS"));
            else if (ImageText.IsLower(keyword) && !ImageText.IsLower(asWord.Raw))
                findings.Add(At(context, asWord.Span, $"'{asWord.Raw}' does not match the casing of '{keyword}'", "as"));
        }
    }
}
