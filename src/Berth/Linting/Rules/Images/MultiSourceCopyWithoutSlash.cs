using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF305: COPY or ADD with several sources into a destination without a trailing slash: Docker rejects it.</summary>
public sealed class MultiSourceCopyWithoutSlash : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF305", "multi-source-copy-without-slash", Severity.Error,
        "COPY with more than one source needs a destination ending in /", ["DL3021", "DS011"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>())
        {
            if (copy.Sources.Count < 2 || copy.Destination is not { } destination)
                continue;
            var value = destination.Value;
            if (value.EndsWith('/') || value.EndsWith('\\') || value.Contains('$', StringComparison.Ordinal))
                continue;
            findings.Add(At(context, destination.Span, $"{copy.Sources.Count} sources are copied to {value}, which does not end in /", value + "/"));
        }
    }
}
