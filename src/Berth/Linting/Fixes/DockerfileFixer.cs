using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>One fix made: where (the instruction's first line, in the fixed file) and what.</summary>
public sealed record AppliedFix(string File, int Line, string Fix, string Description);

/// <summary>The document after its safe fixes, and what was changed.</summary>
public sealed record FixResult(DockerfileDocument Document, IReadOnlyList<AppliedFix> Applied)
{
    public bool Changed => Applied.Count > 0;
}

/// <summary>
/// Applies the <see cref="SafeFix"/> catalog through the syntax model: instructions from last to first (so earlier spans stay
/// valid), each edit replacing only that instruction's span and re-parsing; every other byte is kept.
/// </summary>
public static class DockerfileFixer
{
    public static IReadOnlyList<SafeFix> Catalog { get; } =
    [
        new AptNoInstallRecommendsFix(),
        new PipNoCacheDirFix(),
        new ExecFormCommandFix(),
        new AptGetYesFix(),
        new MaintainerLabelFix(),
    ];

    public static FixResult Fix(DockerfileDocument document, IReadOnlyList<SafeFix>? fixes = null)
    {
        fixes ??= Catalog;
        var applied = new List<(int Index, SafeFix Fix)>();
        var count = document.Instructions.Count();
        for (var index = count - 1; index >= 0; index--)
        {
            foreach (var fix in fixes)
            {
                var instruction = document.Instructions.ElementAt(index);
                var text = fix.Rewrite(instruction, document);
                if (text is null || text == instruction.Text)
                    continue;
                var next = document.ReplaceText(instruction.Span, text);
                if (next.Instructions.Count() != count)
                    continue; // the edit would have changed the structure: not safe, leave it
                document = next;
                applied.Add((index, fix));
            }
        }
        var instructions = document.Instructions.ToList();
        var report = applied
            .Select(a => new AppliedFix(document.Path, instructions[a.Index].Span.StartLine, a.Fix.Name, a.Fix.Description))
            .OrderBy(a => a.Line).ThenBy(a => a.Fix, StringComparer.Ordinal)
            .ToList();
        return new FixResult(document, report);
    }
}
