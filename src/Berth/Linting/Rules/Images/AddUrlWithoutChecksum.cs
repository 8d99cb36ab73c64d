using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF311: ADD downloads an http(s) URL without --checksum: whatever the server returns goes into the image unverified.</summary>
public sealed class AddUrlWithoutChecksum : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF311", "add-url-without-checksum", Severity.Warning,
        "ADD downloads a URL without --checksum", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var add in context.Document.Instructions.OfType<CopyInstruction>().Where(c => c.IsAdd && c.Flag("checksum") is null))
        {
            foreach (var source in add.Sources.Where(s => s.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                findings.Add(At(context, source.Span, $"{source.Value} is downloaded without a checksum, so a changed or tampered file goes into the image unnoticed",
                    "ADD --checksum=sha256:<digest> " + source.Value + " ..."));
        }
    }
}
