namespace PositionManager.PaperBroker.Accounts;

/// <summary>One <c>trade_updates</c> event: what the stream sends after every order change.</summary>
public sealed record TradeUpdate(
    long EventId,
    string Event,
    DateTimeOffset Timestamp,
    PaperOrder Order,
    decimal? Price = null,
    decimal? Qty = null,
    decimal? PositionQty = null,
    string? ExecutionId = null);
