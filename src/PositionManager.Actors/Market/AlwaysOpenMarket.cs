using PositionManager.Domain.Market;

namespace PositionManager.Actors.Market;

/// <summary>
/// For a node or test without a market clock: open at every hour, weekday sessions closing at
/// 16:00 New York (<see cref="MarketMoment.WithoutClock"/>). The node itself always runs a
/// <see cref="MarketClockView"/>.
/// </summary>
public sealed class AlwaysOpenMarket : IMarketView
{
    private AlwaysOpenMarket()
    {
    }

    public static AlwaysOpenMarket Instance { get; } = new();

    public MarketMoment At(DateTimeOffset now) => MarketMoment.WithoutClock(now);
}
