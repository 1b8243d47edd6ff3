using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Api;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Streaming;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>
/// One options data websocket after the upgrade: connected, auth, then subscribe and unsubscribe
/// while quotes are pushed as they change. A newly subscribed symbol's current quote is not sent:
/// like Alpaca's stream, only changes are (a client wanting a first price asks REST for it).
/// </summary>
public sealed class QuoteStreamSession(WebSocket socket, QuoteSubscriber subscriber, ApiKeys keys, MarketSimulator market, ILogger logger)
{
    private const string Star = "*";

    private readonly SemaphoreSlim _sendGate = new(1, 1);

    // Guarded by the send gate: the subscription and what was pushed change together.
    private readonly Dictionary<string, SimQuote> _lastSent = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _quotes = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _trades = new(StringComparer.Ordinal);

    public Task RunAsync(CancellationToken aborted) =>
        SessionLifetime.RunAsync(
            socket,
            subscriber,
            AuthenticateAsync,
            PushChangesAsync,
            ReadCommandsAsync,
            reason => logger.LogInformation("Quote stream connection ended: {Reason}", reason),
            aborted);

    private async Task<bool> AuthenticateAsync(CancellationToken ct)
    {
        await SendAsync(QuoteStreamWire.Success("connected"), ct);

        while (await StreamFrames.ReceiveAsync(socket, ct) is { } message)
        {
            var command = QuoteStreamWire.ReadCommand(message);
            switch (command.Action)
            {
                case "auth" when keys.Accept(command.Key, command.Secret):
                    await SendAsync(QuoteStreamWire.Success("authenticated"), ct);
                    return true;
                case "auth":
                    await SendAsync(QuoteStreamWire.Error(QuoteStreamErrors.AuthFailed), ct);
                    await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth failed", ct);
                    return false;
                case "subscribe" or "unsubscribe":
                    await SendAsync(QuoteStreamWire.Error(QuoteStreamErrors.NotAuthenticated), ct);
                    break;
                default:
                    await SendAsync(QuoteStreamWire.Error(QuoteStreamErrors.InvalidSyntax), ct);
                    break;
            }
        }

        return false;
    }

    private async Task ReadCommandsAsync(CancellationToken ct)
    {
        while (await StreamFrames.ReceiveAsync(socket, ct) is { } message)
        {
            var command = QuoteStreamWire.ReadCommand(message);
            var reply = command.Action switch
            {
                "auth" => QuoteStreamWire.Error(QuoteStreamErrors.AlreadyAuthenticated),
                "subscribe" when command.Quotes.Contains(Star) => QuoteStreamWire.Error(QuoteStreamErrors.StarForQuotes),
                "subscribe" => null,
                "unsubscribe" => null,
                _ => QuoteStreamWire.Error(QuoteStreamErrors.InvalidSyntax),
            };
            if (reply is not null)
            {
                await SendAsync(reply, ct);
                continue;
            }

            await _sendGate.WaitAsync(ct);
            try
            {
                // Under the send gate, so no quote of a new symbol can overtake the subscription reply.
                Change(command.Action == "subscribe", command);
                await SendUnlockedAsync(QuoteStreamWire.Subscription(_trades, _quotes), ct);
            }
            finally
            {
                _sendGate.Release();
            }
        }
    }

    private void Change(bool subscribe, QuoteStreamCommand command)
    {
        // Only OCC contracts have option quotes; the simulator subscribes nothing else.
        foreach (var symbol in command.Quotes.Where(IsContract))
        {
            _ = subscribe ? _quotes.Add(symbol) : _quotes.Remove(symbol);
        }

        foreach (var symbol in command.Trades.Where(s => s == Star || IsContract(s)))
        {
            _ = subscribe ? _trades.Add(symbol) : _trades.Remove(symbol);
        }

        _lastSent.Clear();
        foreach (var symbol in Watched())
        {
            _lastSent[symbol] = market.QuoteOf(symbol);
        }

        subscriber.Quotes = [.. _quotes];
    }

    private async Task PushChangesAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var _ in subscriber.Wakes.ReadAllAsync(ct))
            {
                await _sendGate.WaitAsync(ct);
                try
                {
                    if (Changes() is { } changes)
                    {
                        await SendUnlockedAsync(changes, ct);
                    }
                }
                finally
                {
                    _sendGate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The reader ended the session.
        }
    }

    private byte[]? Changes()
    {
        var quotes = new List<(string, SimQuote)>();
        var trades = new List<(string, SimQuote)>();
        foreach (var symbol in Watched())
        {
            var quote = market.QuoteOf(symbol);
            if (_lastSent.TryGetValue(symbol, out var last) && last == quote)
            {
                continue;
            }

            _lastSent[symbol] = quote;
            if (_quotes.Contains(symbol))
            {
                quotes.Add((symbol, quote));
            }

            // A star subscription to trades covers the symbols whose quotes are watched: the
            // simulator's trades exist only where its quotes move.
            if (_trades.Contains(symbol) || _trades.Contains(Star))
            {
                trades.Add((symbol, quote));
            }
        }

        return quotes.Count + trades.Count == 0 ? null : QuoteStreamWire.Market(quotes, trades);
    }

    private IEnumerable<string> Watched() => _quotes.Union(_trades.Where(s => s != Star), StringComparer.Ordinal);

    private static bool IsContract(string symbol) => OccSymbol.IsOption(symbol);

    private async Task SendAsync(byte[] message, CancellationToken ct)
    {
        await _sendGate.WaitAsync(ct);
        try
        {
            await SendUnlockedAsync(message, ct);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private Task SendUnlockedAsync(byte[] message, CancellationToken ct) =>
        socket.SendAsync(message.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, ct).AsTask();
}
