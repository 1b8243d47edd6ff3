using PositionManager.Domain.Market;

namespace PositionManager.Actors.Market;

/// <summary>
/// The node's market clock as positions and the gateway read it: <see cref="MarketClockActor"/>
/// publishes a new <see cref="MarketHours"/> after each read, and a tick pays one volatile read
/// and no allocation for it (no ask of the actor on the tick path).
/// </summary>
public sealed class MarketClockView : IMarketView
{
    private MarketHours _hours = MarketHours.NotYetRead;

    public MarketHours Hours => Volatile.Read(ref _hours);

    public MarketMoment At(DateTimeOffset now)
    {
        var hours = Volatile.Read(ref _hours);
        return new MarketMoment(now, hours.IsOpenAt(now), hours.Calendar);
    }

    public void Publish(MarketHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        Volatile.Write(ref _hours, hours);
    }
}
