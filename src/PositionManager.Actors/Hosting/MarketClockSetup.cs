using PositionManager.Actors.Market;
using PositionManager.Alpaca.Reference;

namespace PositionManager.Actors.Hosting;

/// <summary>The node's market clock: the broker's clock and calendar, and the view positions and the gateway read.</summary>
public sealed record MarketClockSetup(IMarketCalendar Calendar, MarketClockView View, MarketClockSettings Settings);
