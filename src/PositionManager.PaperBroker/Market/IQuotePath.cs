namespace PositionManager.PaperBroker.Market;

/// <summary>A symbol's quotes over time. Pure in time: the same instant always gives the same quote,
/// which keeps fills and data answers deterministic under a manual clock.</summary>
public interface IQuotePath
{
    SimQuote QuoteAt(DateTimeOffset time);
}
