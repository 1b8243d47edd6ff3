using System.Collections.Concurrent;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>The open options data streams: woken whenever the market may have moved, dropped on demand.</summary>
public sealed class QuoteStreamHub
{
    private readonly ConcurrentDictionary<QuoteSubscriber, byte> _subscribers = new();

    public QuoteStreamHub(MarketSimulator market)
    {
        market.Moved += WakeAll;
    }

    /// <summary>Connections currently open (authenticated or not).</summary>
    public int ConnectionCount => _subscribers.Count;

    /// <summary>Every quote symbol some connection subscribed to; tests wait on it instead of sleeping.</summary>
    public IReadOnlySet<string> SubscribedQuotes => _subscribers.Keys.SelectMany(s => s.Quotes).ToHashSet(StringComparer.Ordinal);

    public QuoteSubscriber Connect()
    {
        var subscriber = new QuoteSubscriber();
        _subscribers.TryAdd(subscriber, 0);
        return subscriber;
    }

    public void Disconnect(QuoteSubscriber subscriber)
    {
        _subscribers.TryRemove(subscriber, out _);
        subscriber.Close();
    }

    /// <summary>Aborts every open connection without a close handshake; returns how many.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Drop();
            dropped++;
        }

        return dropped;
    }

    private void WakeAll()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Wake();
        }
    }
}
