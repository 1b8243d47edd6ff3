using Akka.Actor;
using Akka.TestKit;
using PositionManager.Actors.Positions;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests.Support;

/// <summary>One position actor under a fake shard, with a probe as its gateway, on its own journal.</summary>
public abstract class PositionActorSpec : Akka.TestKit.Xunit2.TestKit
{
    protected const string Symbol = "GOOGL260220C00340000";
    protected static readonly ExitPolicy TrailTen = new(Trailing: TrailingStopRule.Percent(10));

    protected PositionActorSpec(JournalTarget journal, Xunit.Abstractions.ITestOutputHelper output, string? extraHocon = null)
        : base(TestConfig.Local(journal, extraHocon), output: output)
    {
        Journal = journal;
        Gateway = CreateTestProbe("gateway");
        Shard = CreateTestProbe("shard-observer");
    }

    protected JournalTarget Journal { get; }

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero));

    protected TestProbe Gateway { get; }

    /// <summary>Told when the entity asks to be passivated.</summary>
    protected TestProbe Shard { get; }

    protected IActorRef StartPosition(string positionId = Symbol, PositionSettings? settings = null) =>
        Sys.ActorOf(FakeShard.Props(PositionActor.Props(positionId, settings ?? PositionSettings.Default, Gateway, Clock), Shard));

    protected void StopPosition(IActorRef position)
    {
        Watch(position);
        Sys.Stop(position);
        ExpectTerminated(position);
    }

    protected CommandAccepted Open(IActorRef position, int quantity = 10, decimal entry = 5.00m, ExitPolicy? policy = null, PositionSide side = PositionSide.Long)
    {
        position.Tell(new PositionProtocol.Open(Symbol, Symbol, side, quantity, entry, policy ?? TrailTen, OpenOrigin.Opened));
        return ExpectMsg<CommandAccepted>();
    }

    protected void Tick(IActorRef position, decimal bid) =>
        position.Tell(new PriceTick(Symbol, new MarketQuote(Symbol, (double)bid, (double)(bid + 0.02m), null, Clock.Now)));

    protected PositionView View(IActorRef position)
    {
        position.Tell(new GetState(Symbol));
        return ExpectMsg<PositionView>();
    }
}
