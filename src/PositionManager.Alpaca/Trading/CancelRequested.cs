namespace PositionManager.Alpaca.Trading;

/// <summary>The broker accepted a cancel of order <see cref="BrokerOrderId"/> (204); the order's end is still to come.</summary>
public sealed record CancelRequested(string BrokerOrderId);
