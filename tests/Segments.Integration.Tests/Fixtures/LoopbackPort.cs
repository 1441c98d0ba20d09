using System.Net;
using System.Net.Sockets;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>Free ports on 127.0.0.1, so that test processes never collide with each other or a developer's own.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts connections on <paramref name="port"/> now.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
