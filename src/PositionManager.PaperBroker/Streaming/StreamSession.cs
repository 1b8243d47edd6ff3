using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Api;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>
/// One trade-updates websocket: auth (current or legacy form), listen, then every update of the
/// account, each as a BINARY frame holding JSON text, as the paper stream sends them.
/// </summary>
public sealed class StreamSession(WebSocket socket, StreamConnection connection, ApiKeys keys, FaultInjector faults, ILogger logger)
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public Task RunAsync(CancellationToken aborted) =>
        SessionLifetime.RunAsync(
            socket,
            connection,
            AuthenticateAsync,
            WriteUpdatesAsync,
            ReadCommandsAsync,
            reason => logger.LogInformation("Trade stream connection ended: {Reason}", reason),
            aborted);

    private async Task<bool> AuthenticateAsync(CancellationToken ct)
    {
        using var first = await StreamFrames.ReceiveJsonAsync(socket, ct);
        if (first is null)
        {
            return false;
        }

        var root = first.RootElement;
        var action = StreamFrames.Text(root, "action");
        string? key = null, secret = null;
        if (action == "auth")
        {
            (key, secret) = (StreamFrames.Text(root, "key"), StreamFrames.Text(root, "secret"));
        }
        else if (action == "authenticate" && root.TryGetProperty("data", out var data))
        {
            // Legacy form, still what alpaca-py sends.
            (key, secret) = (StreamFrames.Text(data, "key_id"), StreamFrames.Text(data, "secret_key"));
        }
        else
        {
            await SendAsync(new StreamErrorJson("error", new StreamErrorDataJson("auth required")), PaperJson.Context.StreamErrorJson, ct);
            await CloseAsync(ct);
            return false;
        }

        var authorized = keys.Accept(key, secret);
        await SendAsync(
            new StreamMessageJson<AuthorizationDataJson>("authorization", new AuthorizationDataJson(authorized ? "authorized" : "unauthorized", "authenticate")),
            PaperJson.Context.StreamMessageJsonAuthorizationDataJson,
            ct);
        if (!authorized)
        {
            await CloseAsync(ct);
        }

        return authorized;
    }

    private async Task ReadCommandsAsync(CancellationToken ct)
    {
        while (true)
        {
            using var message = await StreamFrames.ReceiveJsonAsync(socket, ct);
            if (message is null)
            {
                return;
            }

            var root = message.RootElement;
            if (StreamFrames.Text(root, "action") != "listen" || !root.TryGetProperty("data", out var data) ||
                !data.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
            {
                await SendAsync(new StreamErrorJson("error", new StreamErrorDataJson("invalid listen message")), PaperJson.Context.StreamErrorJson, ct);
                continue;
            }

            var names = streams.EnumerateArray().Select(s => s.GetString() ?? "").Where(s => s == "trade_updates").ToList();
            await _sendGate.WaitAsync(ct);
            try
            {
                // Set under the send gate, so no update can overtake the "listening" reply.
                connection.Listening = names.Count > 0;
                await SendUnlockedAsync(new StreamMessageJson<ListeningDataJson>("listening", new ListeningDataJson(names)), PaperJson.Context.StreamMessageJsonListeningDataJson, ct);
            }
            finally
            {
                _sendGate.Release();
            }
        }
    }

    private async Task WriteUpdatesAsync(CancellationToken ct)
    {
        var sent = 0;
        try
        {
            await foreach (var update in connection.Updates.Reader.ReadAllAsync(ct))
            {
                if (faults.DropStreamAfterUpdates is > 0 and var limit && sent >= limit)
                {
                    // The update that would come next is lost with the connection, as on a real
                    // drop: the client must poll orders after it reconnects.
                    connection.Drop();
                    return;
                }

                await SendAsync(new StreamMessageJson<TradeUpdateJson>("trade_updates", update.ToJson()), PaperJson.Context.StreamMessageJsonTradeUpdateJson, ct);
                sent++;
            }
        }
        catch (OperationCanceledException)
        {
            // The reader ended the session.
        }
    }

    private async Task SendAsync<T>(T message, JsonTypeInfo<T> type, CancellationToken ct)
    {
        await _sendGate.WaitAsync(ct);
        try
        {
            await SendUnlockedAsync(message, type, ct);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private Task SendUnlockedAsync<T>(T message, JsonTypeInfo<T> type, CancellationToken ct) =>
        socket.SendAsync(new ArraySegment<byte>(JsonSerializer.SerializeToUtf8Bytes(message, type)), WebSocketMessageType.Binary, endOfMessage: true, ct);

    private async Task CloseAsync(CancellationToken ct)
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", ct);
        }
    }
}
