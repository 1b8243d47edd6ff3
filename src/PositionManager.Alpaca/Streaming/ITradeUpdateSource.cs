namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// The trade-updates stream: connects, authenticates, listens, and reconnects with backoff until
/// cancelled, telling the sink about every state change and update.
/// </summary>
public interface ITradeUpdateSource
{
    Task RunAsync(ITradeUpdateSink sink, CancellationToken cancellationToken);
}
