using System.Net.WebSockets;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>
/// The life of one server-side stream session: authenticate, then read the client's commands while
/// pushing to it, until the client goes, the request is aborted or the fault injector drops it.
/// </summary>
internal static class SessionLifetime
{
    /// <param name="authenticate">False when the session ends without streaming (refused, or closed first).</param>
    /// <param name="push">Sends what the client asked for until cancelled; cancelled once the reading ends.</param>
    /// <param name="readCommands">Answers the client's commands until it closes.</param>
    /// <param name="ended">Told why a session was cut short: a drop by fault injection, or the exception's type.</param>
    public static async Task RunAsync(
        WebSocket socket,
        IDroppable connection,
        Func<CancellationToken, Task<bool>> authenticate,
        Func<CancellationToken, Task> push,
        Func<CancellationToken, Task> readCommands,
        Action<string> ended,
        CancellationToken aborted)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted, connection.Dropped);

        // A drop must end the session at once, even while it waits on the client, as a lost network would.
        using var abortOnDrop = connection.Dropped.Register(socket.Abort);
        var ct = cts.Token;
        try
        {
            if (!await authenticate(ct))
            {
                return;
            }

            var pusher = push(ct);
            await readCommands(ct);
            await cts.CancelAsync();
            await pusher;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            ended(connection.Dropped.IsCancellationRequested ? "dropped by fault injection" : e.GetType().Name);
        }
    }
}
