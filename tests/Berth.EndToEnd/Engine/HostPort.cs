using System.Net;
using System.Net.Sockets;

namespace Berth.EndToEnd.Engine;

/// <summary>Host-network containers bind host ports directly: check one is free before starting a container on it.</summary>
public static class HostPort
{
    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for a port a previous container held to be released.</summary>
    public static async Task<bool> WaitUntilFreeAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsFree(port))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(250, cancellationToken);
        }
        return true;
    }
}
