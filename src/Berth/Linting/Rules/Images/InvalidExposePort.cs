using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF503: EXPOSE with something other than a port, a port range and an optional tcp/udp/sctp protocol (a host mapping, an IP, a port past 65535).</summary>
public sealed class InvalidExposePort : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF503", "invalid-expose-port", Severity.Error,
        "EXPOSE has an invalid port, a host mapping or an unknown protocol", ["DL3011", "ExposeInvalidFormat", "DS008"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var expose in context.Document.Instructions.OfType<ExposeInstruction>())
        {
            foreach (var port in expose.Ports)
            {
                if (port.Raw.Contains('$', StringComparison.Ordinal))
                    continue;
                if (port.Port.Contains(':', StringComparison.Ordinal))
                {
                    var container = port.Port[(port.Port.LastIndexOf(':') + 1)..];
                    findings.Add(At(context, port.Span, $"EXPOSE {port.Raw} maps a host port or IP; EXPOSE only declares the container port",
                        container + (port.HasProtocol ? "/" + port.Protocol : "")));
                }
                else if (!IsPortOrRange(port.Port))
                {
                    findings.Add(At(context, port.Span, $"EXPOSE {port.Raw}: a port is a number from 0 to 65535 (or a range like 8000-8010)"));
                }
                else if (port.Protocol is not ("tcp" or "udp" or "sctp"))
                {
                    findings.Add(At(context, port.Span, $"EXPOSE {port.Raw}: the protocol must be tcp, udp or sctp", port.Port + "/tcp"));
                }
            }
        }
    }

    private static bool IsPortOrRange(string text)
    {
        var parts = text.Split('-');
        if (parts.Length > 2)
            return false;
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 5 || !part.All(char.IsAsciiDigit))
                return false;
            numbers.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
        }
        return numbers.All(n => n <= 65535) && (numbers.Count == 1 || numbers[0] <= numbers[1]);
    }
}
