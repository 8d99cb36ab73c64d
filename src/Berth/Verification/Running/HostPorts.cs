using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Berth.Verification.Running;

/// <summary>Host ports for containers: a free loopback port to publish on, or whether a host-network container can bind its port.</summary>
public static class HostPorts
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

    /// <summary>Waits (up to <paramref name="timeout"/>) for a port a container that just stopped still holds.</summary>
    public static async Task<bool> WaitUntilFreeAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!IsFree(port))
        {
            if (clock.Elapsed > timeout)
                return false;
            await Task.Delay(250, cancellationToken);
        }
        return true;
    }

    /// <summary>A port on 127.0.0.1 nothing listens on right now.</summary>
    public static int FreeLoopback()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
