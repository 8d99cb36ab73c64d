using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF301: COPY --from names no earlier stage. A bare word that is no stage (--from=biulder) is taken as an image from Docker Hub,
/// so a typo pulls or fails instead of copying from the stage; a later stage or an index past the current one fails the build.
/// Image references with a registry, a path, a tag or a digest are left alone.
/// </summary>
public sealed class CopyFromUnknownStage : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF301", "copy-from-unknown-stage", Severity.Warning,
        "COPY --from names no earlier stage", ["DL3022"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var escape = context.Document.EscapeChar;
        foreach (var stage in context.Stages)
        {
            var index = stage.Stage.Index;
            foreach (var copy in stage.Stage.Instructions.OfType<CopyInstruction>())
            {
                if (copy.Flag("from") is not { Value: { Length: > 0 } raw } flag)
                    continue;
                var expansion = VariableExpander.Expand(raw, n => stage.Variables.TryGetValue(n, out var v) ? v : null, escape);
                var value = expansion.Value;
                if (!expansion.IsComplete || value.Length == 0 || ImageText.EarlierStage(context.Stages, value, index) is not null)
                    continue;
                if (string.Equals(stage.Stage.Name, value, StringComparison.OrdinalIgnoreCase) || value == index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    continue; // BDF302
                var span = flag.ValueSpan ?? flag.Span;
                var later = context.Stages.FirstOrDefault(s => s.Stage.Index > index && (string.Equals(s.Stage.Name, value, StringComparison.OrdinalIgnoreCase)
                    || value == s.Stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (later is not null)
                {
                    findings.Add(At(context, span, $"--from={value} refers to stage {later.Stage.Index}, which comes later: only earlier stages can be copied from",
                        "Move that stage above this one"));
                    continue;
                }
                if (value.All(char.IsAsciiDigit))
                {
                    findings.Add(At(context, span, $"--from={value}: there is no stage {value} before this one", "Use the name or index of an earlier stage"));
                    continue;
                }
                if (value.IndexOfAny(['/', ':', '@', '.']) >= 0)
                    continue;
                var names = context.Stages.Where(s => s.Stage.Index < index && s.Stage.Name is not null).Select(s => s.Stage.Name!).ToList();
                findings.Add(At(context, span, $"--from={value} is no stage of this file, so Docker pulls an image named {value}" +
                    (names.Count > 0 ? $" (stages: {string.Join(", ", names)})" : ""),
                    names.Count > 0 ? $"Use one of: {string.Join(", ", names)}" : "Name the stage with FROM <image> AS " + value));
            }
        }
    }
}
