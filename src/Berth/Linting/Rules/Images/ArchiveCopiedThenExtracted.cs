using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF307: a local tar archive is COPYed and then unpacked with tar in a later RUN of the same stage: the archive stays in a layer.
/// The RUN may name the archive by its source name or by the name it was copied to (<c>COPY dist/app-1.2.tar /app.tar</c>,
/// <c>RUN tar -xf /app.tar</c>); Windows paths (<c>build\app.tar.gz</c>) are split on backslashes too.
/// </summary>
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
                var copiedAs = copy.Destination is { } destination && IsArchive(Unquoted(destination.Raw)) ? FileName(Unquoted(destination.Raw)) : null;
                foreach (var source in copy.Sources.Where(s => IsArchive(Unquoted(s.Raw))))
                {
                    var file = FileName(Unquoted(source.Raw));
                    var extracted = instructions.Skip(i + 1).OfType<RunInstruction>()
                        .Any(run => (run.Text.Contains(file, StringComparison.Ordinal) || (copiedAs is not null && run.Text.Contains(copiedAs, StringComparison.Ordinal)))
                                    && TarExtract().IsMatch(run.Text));
                    if (extracted)
                        findings.Add(At(context, source.Span, $"{file} is copied and then extracted with tar, so the archive stays in an image layer",
                            $"ADD {source.Value} <directory>/ extracts it in one step"));
                }
            }
        }
    }

    private static bool IsArchive(string path) => Archives.Any(a => path.EndsWith(a, StringComparison.OrdinalIgnoreCase));

    private static string Unquoted(string raw) => raw.Trim('"', '\'');

    /// <summary>The last part of a path, split on / and on \ (a Windows path as written).</summary>
    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];

    [GeneratedRegex(@"\btar\s+(-?[A-Za-z]*x|.*\s(-x|--extract|--get)\b)")]
    private static partial Regex TarExtract();
}
