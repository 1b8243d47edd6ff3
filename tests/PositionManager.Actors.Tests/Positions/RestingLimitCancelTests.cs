using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests.Positions;

/// <summary>
/// The position's half of cancel-and-replace: a retry limit the bid stays below for
/// <see cref="RestingLimit.CancelAfter"/> is asked to be cancelled once, nothing is journaled for
/// it, and only the order's end (as the gateway reports it) lets a new, re-priced exit go.
/// </summary>
public class RestingLimitCancelTests(ITestOutputHelper output) : PositionActorSpec(TestJournals.NewSqlite(), output)
{
    private static readonly ExitPolicy TrailWithLimitRetry = TrailTen with { RetryLimitOffsetPercent = 2 };

    // Resends would interleave with what is asserted; each has its own tests.
    private static readonly PositionSettings NoResends = PositionSettings.Default with
    {
        GatewayAckTimeout = TimeSpan.FromHours(1),
        PendingExitResendInterval = TimeSpan.FromHours(1),
    };

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_limit_the_bid_stays_below_is_cancelled_once_and_only_its_end_lets_a_re_priced_exit_go()
    {
        var position = StartPosition(settings: NoResends);
        var resting = RestingRetry(position);
        var journaled = View(position).State;

        var asked = TicksThrough(position, 3.50m, 4);

        Assert.Equal(new GatewayProtocol.CancelExit(resting.IntentId, Symbol, 2), asked);
        Assert.Equal(Clock.Now, View(position).CancelAskedAt);
        Assert.Equal(journaled, View(position).State); // nothing journaled for the watch or the ask
        Tick(position, 3.50m);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // asked once, and no new exit while the old order lives

        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Ended(2, "canceled")));
        ExpectMsg<CommandAccepted>();
        Clock.Advance(TimeSpan.FromSeconds(1));
        Tick(position, 3.50m);
        View(position);

        var replacement = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        Assert.Equal((3, 10, 3.43m), (replacement.ExitSequence, replacement.Quantity, replacement.LimitPrice)); // 3.50 less 2%, in cents
        Assert.NotEqual(resting.IntentId, replacement.IntentId);
        Assert.Null(View(position).CancelAskedAt);
    }

    [Fact]
    public void A_bid_back_above_the_limit_asks_for_nothing()
    {
        var position = StartPosition(settings: NoResends);
        RestingRetry(position);

        foreach (var bid in new[] { 3.50m, 3.50m, 3.95m, 3.50m, 3.50m })
        {
            TickAfterAStep(position, bid);
        }

        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_position_restarted_after_asking_asks_again_one_rest_period_after_it_is_back()
    {
        var position = StartPosition(settings: NoResends);
        var resting = RestingRetry(position);
        TicksThrough(position, 3.50m, 4);
        StopPosition(position);

        var restarted = StartPosition(settings: NoResends);
        var resent = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>(); // the pending exit, re-sent on recovery
        Assert.Equal((resting.IntentId, resting.LimitPrice), (resent.IntentId, resent.LimitPrice));

        Assert.Equal(resting.IntentId, TicksThrough(restarted, 3.50m, 4).IntentId);
    }

    /// <summary>Refused once, then retried as a sell limit at 3.91 (bid 3.99 less 2%) that the broker has as ord-2.</summary>
    private GatewayProtocol.SubmitClose RestingRetry(IActorRef position)
    {
        Open(position, policy: TrailWithLimitRetry);
        Tick(position, 4.00m);
        var first = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Rejected(first.ExitSequence, "insufficient qty")));
        ExpectMsg<CommandAccepted>();
        Clock.Advance(RejectionBackoff.After(1));
        Tick(position, 3.99m);
        View(position);
        var retry = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        Assert.Equal((2, 3.91m), (retry.ExitSequence, retry.LimitPrice));
        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Submitted(2, retry.IntentId, "ord-2")));
        ExpectMsg<CommandAccepted>();
        return retry;
    }

    /// <summary>Ticks at <paramref name="bid"/> every 5 s; the cancel is expected at the last, not before.</summary>
    private GatewayProtocol.CancelExit TicksThrough(IActorRef position, decimal bid, int ticks)
    {
        for (var i = 1; i < ticks; i++)
        {
            TickAfterAStep(position, bid);
        }

        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        TickAfterAStep(position, bid);
        return Gateway.ExpectMsg<GatewayProtocol.CancelExit>();
    }

    /// <summary>The position reads the clock when it handles the tick: the view's answer shows it has, before time moves on.</summary>
    private void TickAfterAStep(IActorRef position, decimal bid)
    {
        Clock.Advance(Step);
        Tick(position, bid);
        View(position);
    }
}
