using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF303: COPY --from=stage / ... copies the whole filesystem of that stage, build tools, caches and all.</summary>
public sealed class CopyEntireFilesystem : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF303", "copy-entire-filesystem", Severity.Warning,
        "COPY --from copies a stage's entire filesystem", ["DL3067"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>())
        {
            if (copy.From is null)
                continue;
            foreach (var source in copy.Sources.Where(s => s.Value is "/" or "/." or "/*"))
                findings.Add(At(context, source.Span, $"COPY --from={copy.From} {source.Value} copies that stage's whole filesystem",
                    "Copy only what the image needs, e.g. COPY --from=" + copy.From + " /opt/venv /opt/venv"));
        }
    }
}
