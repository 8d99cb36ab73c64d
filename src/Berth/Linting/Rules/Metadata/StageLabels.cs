using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Metadata;

/// <summary>One label as written (key and where it is) with its value after ARG/ENV expansion, or null when a variable has no value.</summary>
internal sealed record LabelUse(KeyValueEntry Pair, string? Value);

/// <summary>The labels of a Dockerfile's LABEL instructions, by stage, with the values the image will carry where the lint can tell.</summary>
internal static class StageLabels
{
    /// <summary>Every label of every stage, in file order (the label-value rules check all of them, as hadolint does).</summary>
    public static IEnumerable<LabelUse> All(DockerfileLintContext context) =>
        context.Stages.SelectMany(stage => Of(stage, context.Document.EscapeChar));

    /// <summary>The label keys the final image carries: those of the final stage and of the stages it builds on (FROM another stage).</summary>
    public static IReadOnlySet<string> FinalKeys(DockerfileLintContext context)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (context.Final is not { } final)
            return keys;
        var seen = new HashSet<int>();
        ResolvedStage? stage = final;
        while (stage is not null && seen.Add(stage.Stage.Index))
        {
            foreach (var label in stage.Stage.Instructions.OfType<LabelInstruction>().SelectMany(l => l.Pairs))
                keys.Add(label.Key);
            stage = stage.BaseStage is { } parent ? context.Stages[parent.Index] : null;
        }
        return keys;
    }

    private static IEnumerable<LabelUse> Of(ResolvedStage stage, char escape)
    {
        foreach (var pair in stage.Stage.Instructions.OfType<LabelInstruction>().SelectMany(l => l.Pairs))
        {
            var expansion = VariableExpander.Expand(pair.RawValue, n => stage.Variables.TryGetValue(n, out var v) ? v : null, escape);
            yield return new LabelUse(pair, expansion.IsComplete ? expansion.Value : null);
        }
    }
}
