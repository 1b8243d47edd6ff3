using System.Net;
using System.Net.Sockets;

namespace PositionManager.IntegrationTests.Support;

/// <summary>Loopback ports free right now, for processes that must be told their port before they start.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        // All held open together, so the same port is never handed out twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
