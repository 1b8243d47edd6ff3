using System.Net;
using System.Net.Sockets;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// Forwards TCP connections from an address the nodes in network namespaces can reach (the bridge)
/// to a server that listens on loopback only (PostgreSQL, the PaperBroker). Cutting a node's link
/// cuts it off from these too, as a real partition would.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpRelay(IPAddress listenOn, IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(listenOn, 0);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    public IPEndPoint Endpoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target, _stop.Token);
                var inbound = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var outbound = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);

                // Either side closing ends the pair; the using blocks close the other.
                await Task.WhenAny(inbound, outbound);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // A connection cut by the test or the end of the run: nothing to relay any more.
            }
        }
    }
}
