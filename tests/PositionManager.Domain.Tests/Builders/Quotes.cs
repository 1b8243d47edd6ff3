using PositionManager.Domain.Quotes;

namespace PositionManager.Domain.Tests.Builders;

public static class Quotes
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>A fresh, sane quote at <paramref name="bid"/> with a one-cent spread.</summary>
    public static MarketQuote Bid(PositionManager.Domain.Positions.PositionState state, decimal bid, DateTimeOffset at) =>
        new(state.Symbol!.Value, (double)bid, (double)(bid + 0.01m), null, at);
}
