using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF515: EXPOSE 22: the image runs an SSH server, or says it does.</summary>
public sealed class SshPortExposed : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF515", "ssh-port-exposed", Severity.Warning,
        "EXPOSE declares port 22 (SSH)", ["DS004", "CKV_DOCKER_1"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var port in context.Document.Instructions.OfType<ExposeInstruction>().SelectMany(e => e.Ports))
        {
            if (port.Protocol == "tcp" && Covers22(port.Port))
                findings.Add(At(context, port.Span, $"EXPOSE {port.Raw} opens SSH: containers are reached with docker exec or kubectl exec, not sshd",
                    "Remove port 22 (and the SSH server)"));
        }
    }

    private static bool Covers22(string port)
    {
        var parts = port.Split('-');
        if (!parts.All(p => p.Length is > 0 and <= 5 && p.All(char.IsAsciiDigit)))
            return false;
        var low = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var high = parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : low;
        return parts.Length <= 2 && low <= 22 && 22 <= high;
    }
}
