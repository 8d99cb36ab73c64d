using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// Where the server listens when the app states a port below 1024 (80 from its own Dockerfile or compose file): a non-root process binds
/// such a port under Docker, whose containers set <c>net.ipv4.ip_unprivileged_port_start=0</c>, but not under Kubernetes' restricted
/// profile (no NET_BIND_SERVICE, and the pod keeps the kernel's 1024). The image's non-root server binds port + 8000 instead (80 → 8080,
/// 443 → 8443: distinct low ports stay distinct) through the server's own flag; the app's own port stays the one callers use outside.
/// </summary>
public static partial class UnprivilegedPort
{
    public const int FirstUnprivileged = 1024;
    public const int Offset = 8000;

    /// <summary>The port the server binds for an app that states <paramref name="port"/>.</summary>
    public static int For(int port) => port is > 0 and < FirstUnprivileged ? port + Offset : port;

    /// <summary>The decision <c>berth init</c> prints when the port moves.</summary>
    public static string Decision(ServiceProfile profile, int listen)
    {
        var evidence = profile.Evidence.FirstOrDefault(e => PortFact().IsMatch(e.Fact));
        var where = evidence is null ? "" : evidence.Line > 0 ? $" ({evidence.File}:{evidence.Line})" : $" ({evidence.File})";
        return string.Create(CultureInfo.InvariantCulture,
            $"port {profile.Port}{where} is below {FirstUnprivileged}: a non-root server binds it under Docker's default sysctl (net.ipv4.ip_unprivileged_port_start=0) " +
            $"but not under Kubernetes' restricted profile (no NET_BIND_SERVICE), so the server binds {listen} ({profile.Port} + {Offset}) with its own flag; " +
            $"compose publishes 127.0.0.1:{profile.Port} → {listen}; in Kubernetes the container, probes and Service use {listen} (callers get it through the URLs Berth writes)");
    }

    [GeneratedRegex(@"\bport\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortFact();
}
