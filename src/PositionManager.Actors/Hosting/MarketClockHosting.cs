using Akka.Hosting;
using PositionManager.Actors.Market;

namespace PositionManager.Actors.Hosting;

public static class MarketClockHosting
{
    /// <summary>
    /// The market clock of this node, a plain actor (not a singleton): every node reads the clock
    /// for the positions and the gateway it hosts, so a failover needs no hand-over of it.
    /// </summary>
    public static AkkaConfigurationBuilder WithMarketClock(this AkkaConfigurationBuilder builder, MarketClockSetup setup, TimeProvider clock) =>
        builder.WithActors((system, _) => system.ActorOf(MarketClockActor.Props(setup.Calendar, setup.View, setup.Settings, clock), MarketClockActor.Name));
}
