using System.Text;
using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>
/// <c>MAINTAINER name</c> (BDF507, hadolint DL4000): becomes <c>LABEL org.opencontainers.image.authors="name"</c>, the label the deprecated
/// instruction stood for. Only a MAINTAINER on one line; the value is quoted with the file's escape character.
/// </summary>
public sealed class MaintainerLabelFix : SafeFix
{
    public const string Label = "org.opencontainers.image.authors";

    public override string Name => "maintainer-to-label";

    public override string Description => $"replaced MAINTAINER with LABEL {Label}";

    public override string? Rewrite(Instruction instruction, DockerfileDocument document)
    {
        if (instruction is not MaintainerInstruction maintainer || instruction.Span.StartLine != instruction.Span.EndLine)
            return null;
        var value = maintainer.Maintainer.Trim();
        if (value.Length == 0 || value.Any(char.IsControl))
            return null;
        var keyword = CasedLike(instruction.Keyword);
        var start = instruction.Syntax.KeywordSpan.Start - instruction.Span.Start;
        return instruction.Text[..start] + keyword + " " + Label + "=" + Quote(value, document.EscapeChar);
    }

    /// <summary>LABEL cased as the MAINTAINER keyword was (all lower stays lower).</summary>
    private static string CasedLike(string keyword) => keyword == keyword.ToLowerInvariant() ? "label" : "LABEL";

    private static string Quote(string value, char escape)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '$' || c == escape)
                quoted.Append(escape);
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
