using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Streaming;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>The open options data streams: woken whenever the market may have moved, dropped on demand.</summary>
public sealed class QuoteStreamHub
{
    private readonly OpenConnections<QuoteSubscriber> _subscribers = new();

    public QuoteStreamHub(MarketSimulator market)
    {
        market.Moved += WakeAll;
    }

    /// <summary>Connections currently open (authenticated or not).</summary>
    public int ConnectionCount => _subscribers.Count;

    /// <summary>Every quote symbol some connection subscribed to; tests wait on it instead of sleeping.</summary>
    public IReadOnlySet<string> SubscribedQuotes => _subscribers.All.SelectMany(s => s.Quotes).ToHashSet(StringComparer.Ordinal);

    public QuoteSubscriber Connect() => _subscribers.Open();

    public void Disconnect(QuoteSubscriber subscriber)
    {
        _subscribers.Close(subscriber);
        subscriber.Close();
    }

    /// <summary>Aborts every open connection without a close handshake; returns how many.</summary>
    public int DropAll() => _subscribers.DropAll();

    private void WakeAll()
    {
        foreach (var subscriber in _subscribers.All)
        {
            subscriber.Wake();
        }
    }
}
