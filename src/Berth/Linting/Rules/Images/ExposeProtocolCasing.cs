using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF504: EXPOSE 8080/TCP: the protocol should be lowercase.</summary>
public sealed class ExposeProtocolCasing : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF504", "uppercase-expose-protocol", Severity.Info,
        "EXPOSE protocol is not lowercase", ["ExposeProtoCasing"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var port in context.Document.Instructions.OfType<ExposeInstruction>().SelectMany(e => e.Ports))
        {
            var slash = port.Raw.LastIndexOf('/');
            if (!port.HasProtocol || slash < 0 || port.Port.Contains(':', StringComparison.Ordinal))
                continue;
            var written = port.Raw[(slash + 1)..];
            if (!ImageText.IsLower(written))
                findings.Add(At(context, port.Span, $"EXPOSE {port.Raw}: write the protocol in lowercase", port.Raw[..slash] + "/" + written.ToLowerInvariant()));
        }
    }
}
