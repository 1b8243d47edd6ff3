namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>
/// Options quotes pushed over a websocket: connects, authenticates, keeps the subscription equal to
/// the watched symbols, and reconnects with backoff until cancelled, telling the sink every change.
/// </summary>
public interface IQuoteStream
{
    /// <summary>The symbols to stream from now on, replacing the previous set; safe from any thread, before or while running.</summary>
    void Watch(IReadOnlyCollection<string> symbols);

    Task RunAsync(IQuoteSink sink, CancellationToken cancellationToken);
}
