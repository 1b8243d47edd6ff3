using System.Net;
using System.Net.Sockets;

namespace PositionManager.Actors.Hosting;

/// <summary>
/// A node without seed nodes and without Cluster Bootstrap forms a cluster of itself through
/// Akka's own seed-node process, with its own address as the only seed (Akka joins itself at once
/// then). The seed list needs the port before remoting binds it, so a node asked for any port
/// (0) takes a free one first.
/// </summary>
internal static class SingleNodeFormation
{
    public static (int Port, string[] SeedNodes) Of(string hostname, int port)
    {
        var bound = port != 0 ? port : FreePort();
        return (bound, [$"akka.tcp://{PositionManagerAkka.SystemName}@{hostname}:{bound}"]);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Any, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
