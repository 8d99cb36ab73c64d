using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF307: a local tar archive is COPYed and then unpacked with tar in a later RUN of the same stage: the archive stays in a layer.</summary>
public sealed partial class ArchiveCopiedThenExtracted : DockerfileRule
{
    private static readonly string[] Archives = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz"];

    public override RuleInfo Info { get; } = new("BDF307", "archive-copied-then-extracted", Severity.Info,
        "A tar archive is COPYed and then extracted with RUN tar", ["DL3010"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            var instructions = stage.Instructions;
            for (var i = 0; i < instructions.Count; i++)
            {
                if (instructions[i] is not CopyInstruction { IsAdd: false, From: null } copy)
                    continue;
                foreach (var source in copy.Sources.Where(s => Archives.Any(a => s.Value.EndsWith(a, StringComparison.OrdinalIgnoreCase))))
                {
                    var file = source.Value[(source.Value.LastIndexOf('/') + 1)..];
                    var extracted = instructions.Skip(i + 1).OfType<RunInstruction>()
                        .Any(run => run.Text.Contains(file, StringComparison.Ordinal) && TarExtract().IsMatch(run.Text));
                    if (extracted)
                        findings.Add(At(context, source.Span, $"{file} is copied and then extracted with tar, so the archive stays in an image layer",
                            $"ADD {source.Value} <directory>/ extracts it in one step"));
                }
            }
        }
    }

    [GeneratedRegex(@"\btar\s+(-?[A-Za-z]*x|.*\s(-x|--extract|--get)\b)")]
    private static partial Regex TarExtract();
}
