using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions;
using PositionManager.Persistence;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests;

/// <summary>
/// Drives a seeded random tick sequence (with exits filled, partly filled and rejected along the
/// way), stops the actor and checks that recovery gives back exactly the state it had: peak, stop,
/// quantity, pending exit, scale-outs done. Runs on each journal backend.
/// </summary>
public abstract class RecoverySpec(PersistenceBackend backend, ITestOutputHelper output)
    : PositionActorSpec(TestJournals.New(backend), output)
{
    private static readonly ExitPolicy Policy = new(
        StopLossPercent: 60,
        Trailing: TrailingStopRule.Percent(12).ArmedAtGain(10),
        ScaleOuts: [new ScaleOutTarget(25, 20), new ScaleOutTarget(60, 30)]);

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 7)]
    [InlineData(3, 3)]
    public void Recovered_position_equals_the_position_before_it_stopped(int seed, int snapshotEvery)
    {
        var settings = PositionSettings.Default with { SnapshotEvery = snapshotEvery };
        var position = StartPosition(settings: settings);
        Open(position, quantity: 40, entry: 5.00m, policy: Policy);

        var before = DriveRandomTicks(position, new Random(seed), ticks: 250);
        StopPosition(position);
        var recovered = View(StartPosition(settings: settings)).State;

        Assert.Equal(before, recovered);
        Assert.True(before.Peak > 5.00m, "the walk should have raised the peak at least once");
    }

    [Fact]
    public void A_burst_of_ticks_journals_every_new_peak_and_recovers_the_highest()
    {
        var position = StartPosition();
        Open(position, quantity: 40, entry: 5.00m, policy: Policy);

        // No view in between: later ticks are decided while earlier peaks are still being written.
        foreach (var bid in new[] { 5.10m, 5.30m, 5.20m, 5.60m, 5.55m })
        {
            Tick(position, bid);
        }

        var before = View(position).State;
        StopPosition(position);
        var recovered = View(StartPosition()).State;

        Assert.Equal((5.60m, true), (before.Peak, before.TrailArmed));
        Assert.Equal(before, recovered);
    }

    private PositionState DriveRandomTicks(IActorRef position, Random random, int ticks)
    {
        var price = 5.00m;
        for (var step = 0; step < ticks; step++)
        {
            price = Math.Max(0.05m, price + (random.Next(-40, 46) / 100m));
            Clock.Advance(TimeSpan.FromSeconds(1));
            Tick(position, price);

            // The view is answered after the tick's events are journaled, so any exit the tick
            // fired is already in the gateway probe's mailbox.
            var state = View(position).State;
            if (Gateway.HasMessages && state.PendingExit is { } pending)
            {
                Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
                ResolveSometimes(position, pending, random);
            }

            if (state.Status == PositionStatus.Closed)
            {
                break;
            }
        }

        return View(position).State;
    }

    private void ResolveSometimes(IActorRef position, PendingExit pending, Random random)
    {
        OrderOutcome? outcome = random.Next(4) switch
        {
            0 => new OrderOutcome.Fill(pending.ExitSequence, pending.Quantity, 4m, true),
            1 => new OrderOutcome.Fill(pending.ExitSequence, Math.Max(1, pending.Quantity / 2), 4m, false),
            2 => new OrderOutcome.Rejected(pending.ExitSequence, "insufficient qty available"),
            _ => null, // left pending across the restart
        };
        if (outcome is not null)
        {
            position.Tell(new ReportOrderOutcome(Symbol, outcome));
            ExpectMsg<CommandAccepted>();
        }
    }
}

public sealed class SqliteRecoveryTests(ITestOutputHelper output) : RecoverySpec(PersistenceBackend.Sqlite, output);

public sealed class PostgresRecoveryTests(ITestOutputHelper output) : RecoverySpec(PersistenceBackend.Postgres, output);
