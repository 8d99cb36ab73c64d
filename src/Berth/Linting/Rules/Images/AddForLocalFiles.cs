using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF304: ADD of local files or folders, where COPY does the same without ADD's URL and auto-extract surprises. URLs, git and the archives
/// ADD unpacks (tar, possibly compressed) are left alone; a .zip is not unpacked by ADD, so <c>ADD app.zip /opt/</c> is a plain copy and is flagged.
/// </summary>
public sealed class AddForLocalFiles : DockerfileRule
{
    private static readonly string[] Archives = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".gz", ".bz2", ".xz", ".zst"];

    public override RuleInfo Info { get; } = new("BDF304", "add-for-local-files", Severity.Warning,
        "ADD copies local files; COPY is the plain tool for that", ["DL3020", "DS005", "CKV_DOCKER_4"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var add in context.Document.Instructions.OfType<CopyInstruction>().Where(c => c.IsAdd))
        {
            if (add.Sources.Count == 0 || add.Sources.Any(s => IsRemote(s.Value) || IsArchive(s.Value) || s.Raw.StartsWith("<<", StringComparison.Ordinal) || s.Value.Contains('$', StringComparison.Ordinal)))
                continue;
            if (add.Flag("checksum") is not null || add.Flag("keep-git-dir") is not null || add.Flag("unpack") is not null)
                continue;
            var keyword = ImageText.IsLower(add.Keyword) ? "copy" : "COPY";
            findings.Add(At(context, add.Syntax.KeywordSpan, $"ADD {string.Join(" ", add.Sources.Select(s => s.Value))}: local files are copied with COPY", keyword));
        }
    }

    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal);

    private static bool IsArchive(string source) => Archives.Any(a => source.EndsWith(a, StringComparison.OrdinalIgnoreCase));
}
