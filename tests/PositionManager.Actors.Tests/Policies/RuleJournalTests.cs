using Akka.Actor;
using Akka.Streams;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests.Policies;

/// <summary>
/// A position journals the rule its policy came from and the contract's underlying; journals of
/// the version before rules still recover; an operator's re-application of a rule is journaled.
/// </summary>
public sealed class RuleJournalTests(ITestOutputHelper output) : PositionActorSpec(TestJournals.NewSqlite(), output)
{
    private static readonly ExitPolicy TrailFive = new(Trailing: TrailingStopRule.Percent(5));

    [Fact]
    public void An_adopted_position_keeps_its_rule_and_underlying_across_a_restart()
    {
        var position = StartPosition();
        position.Tell(new PositionProtocol.Open(Symbol, Symbol, PositionSide.Long, 10, 5.00m, TrailFive, OpenOrigin.Adopted, "GOOGL", "megacaps"));
        var opened = ExpectMsg<CommandAccepted>().State;
        StopPosition(position);

        var recovered = View(StartPosition()).State;

        Assert.Equal(("megacaps", "GOOGL"), (opened.RuleName, opened.UnderlyingSymbol));
        Assert.Equal(opened, recovered);
    }

    [Fact]
    public void Events_journaled_before_rules_recover_from_the_default_rule_with_the_underlying_unknown()
    {
        var at = Clock.Now;
        WriteAsPreviousVersion(
            [
                new PositionOpenedV1(Symbol, Symbol, PositionSide.Long, 10, 5.00m, TrailTen, OpenOrigin.Adopted, at),
                new PeakRaised(6.00m, 5.40m, true, at),
                new PolicyChangedV1(TrailFive, 5.70m, true, at),
            ],
            snapshot: null);

        var recovered = View(StartPosition()).State;

        Assert.Equal((PositionStatus.Open, PolicyBook.DefaultName, (string?)null), (recovered.Status, recovered.RuleName, recovered.UnderlyingSymbol));
        Assert.Equal((TrailFive, 6.00m, 5.70m, 10), (recovered.Policy, recovered.Peak, recovered.Stop, recovered.Quantity));
    }

    [Fact]
    public void A_snapshot_saved_before_rules_recovers_from_the_default_rule_with_the_underlying_unknown()
    {
        var at = Clock.Now;
        var before = PositionState.New(Symbol)
            .Apply(new PositionOpened(Symbol, Symbol, PositionSide.Long, 10, 5.00m, TrailTen, OpenOrigin.Adopted, at))
            .Apply(new PeakRaised(6.00m, 5.40m, true, at));
        WriteAsPreviousVersion(
            [new PositionOpenedV1(Symbol, Symbol, PositionSide.Long, 10, 5.00m, TrailTen, OpenOrigin.Adopted, at), new PeakRaised(6.00m, 5.40m, true, at)],
            SampleMessages.SnapshotV1(before));

        var recovered = View(StartPosition()).State;

        Assert.Equal(before with { UnderlyingSymbol = null, RuleName = PolicyBook.DefaultName }, recovered);
    }

    [Fact]
    public void A_reapplied_rule_is_journaled_with_its_stop_recomputed_and_survives_a_restart()
    {
        var position = StartPosition();
        Open(position, policy: TrailTen);
        Tick(position, 6.00m);
        Assert.Equal(5.40m, View(position).State.Stop);

        position.Tell(new ReapplyPolicy(Symbol, "megacaps", TrailFive, "GOOGL"));
        var changed = ExpectMsg<CommandAccepted>().State;
        StopPosition(position);
        var recovered = View(StartPosition()).State;

        Assert.Equal(("megacaps", "GOOGL", TrailFive, 5.70m), (changed.RuleName, changed.UnderlyingSymbol, changed.Policy, changed.Stop));
        Assert.Equal(changed, recovered);
    }

    [Fact]
    public async Task Reapplying_the_rule_a_position_already_has_journals_nothing()
    {
        var position = StartPosition();
        position.Tell(new PositionProtocol.Open(Symbol, Symbol, PositionSide.Long, 10, 5.00m, TrailFive, OpenOrigin.Adopted, "GOOGL", "megacaps"));
        var opened = ExpectMsg<CommandAccepted>().State;

        position.Tell(new ReapplyPolicy(Symbol, "megacaps", TrailFive, "GOOGL"));
        ExpectMsg<CommandAccepted>();
        StopPosition(position);
        var recovered = StartPosition();

        Assert.Equal(opened, View(recovered).State);
        Assert.Equal([typeof(PositionOpened)], (await Events()).Select(e => e.GetType()));
    }

    private void WriteAsPreviousVersion(IReadOnlyList<object> events, object? snapshot)
    {
        var writer = Sys.ActorOf(JournalWriter.Props(PositionActor.PersistenceIdFor(Symbol)));
        writer.Tell(new JournalWriter.Write(events, snapshot));
        ExpectMsg<JournalWriter.Written>();
        Watch(writer);
        Sys.Stop(writer);
        ExpectTerminated(writer);
    }

    private Task<List<object>> Events()
    {
        var query = Akka.Persistence.Query.PersistenceQuery.Get(Sys)
            .ReadJournalFor<Akka.Persistence.Sql.Query.SqlReadJournal>(Akka.Persistence.Sql.Query.SqlReadJournal.Identifier);
        return query.CurrentEventsByPersistenceId(PositionActor.PersistenceIdFor(Symbol), 0, long.MaxValue)
            .RunAggregate(new List<object>(), (all, e) =>
            {
                all.Add(e.Event);
                return all;
            }, Sys.Materializer());
    }
}
