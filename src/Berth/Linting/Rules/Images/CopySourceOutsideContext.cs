using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF310: a COPY or ADD source that climbs out of the build context with '..': the builder only sees the context, so the file is not there.</summary>
public sealed class CopySourceOutsideContext : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF310", "copy-source-outside-context", Severity.Error,
        "A COPY or ADD source points outside the build context", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>())
        {
            if (copy.From is not null)
                continue;
            foreach (var source in copy.Sources.Where(s => !s.Raw.StartsWith("<<", StringComparison.Ordinal) && !s.Value.Contains("://", StringComparison.Ordinal) && Escapes(s.Value)))
                findings.Add(At(context, source.Span, $"{source.Value} is outside the build context: the builder cannot read it",
                    "Build from the parent folder (docker build -f path/Dockerfile ..) and copy the path relative to it"));
        }
    }

    private static bool Escapes(string path)
    {
        var depth = 0;
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                    return true;
            }
            else if (segment is not ("" or "."))
            {
                depth++;
            }
        }
        return false;
    }
}
