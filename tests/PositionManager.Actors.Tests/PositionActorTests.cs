using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests;

public class PositionActorTests(ITestOutputHelper output) : PositionActorSpec(TestJournals.NewSqlite(), output)
{
    [Fact]
    public void Open_is_journaled_and_idempotent()
    {
        var position = StartPosition();

        var first = Open(position);
        var again = Open(position, quantity: 99);

        Assert.Equal((PositionStatus.Open, 10, 4.50m), (first.State.Status, first.State.Quantity, first.State.Stop));
        Assert.Equal(10, again.State.Quantity);
    }

    [Fact]
    public void A_stock_ticker_is_refused()
    {
        var position = StartPosition("GOOGL");

        position.Tell(new PositionProtocol.Open("GOOGL", "GOOGL", PositionSide.Long, 10, 150m, TrailTen, Domain.Positions.Events.OpenOrigin.Opened));

        Assert.Contains("not an OCC option symbol", ExpectMsg<CommandRefused>().Reason);
    }

    [Fact]
    public void A_new_peak_moves_the_stop_and_a_lower_tick_moves_nothing()
    {
        var position = StartPosition();
        Open(position);

        Tick(position, 8.00m);
        var raised = View(position);
        Tick(position, 7.50m);
        var after = View(position);

        Assert.Equal((8.00m, 7.20m), (raised.State.Peak, raised.State.Stop));
        Assert.Equal(raised.State, after.State);
        Assert.Equal(7.50, after.LastQuote!.Bid);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Crossing_the_stop_sends_one_sell_to_close_on_the_option_symbol()
    {
        var position = StartPosition();
        Open(position);
        Tick(position, 8.00m);

        Tick(position, 7.10m);
        Tick(position, 6.00m);

        var close = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        Assert.Equal((Symbol, OrderSide.Sell, PositionIntent.SellToClose, 10, ExitReason.TrailingStop), (close.Symbol, close.Side, close.Intent, close.Quantity, close.Reason));
        Assert.Equal(close.IntentId, View(position).State.PendingExit!.ClientOrderId);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_short_closes_with_buy_to_close()
    {
        var position = StartPosition();
        Open(position, side: PositionSide.Short, policy: new ExitPolicy(StopLossPercent: 20, PriceSource: PriceSource.Ask));

        Tick(position, 6.50m);

        var close = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        Assert.Equal((OrderSide.Buy, PositionIntent.BuyToClose), (close.Side, close.Intent));
    }

    [Theory]
    [InlineData(double.NaN, 5.0)]
    [InlineData(0.0, 5.0)]
    [InlineData(3.0, 2.0)]
    public void Bad_quotes_move_nothing_and_trigger_nothing(double bid, double ask)
    {
        var position = StartPosition();
        var opened = Open(position, policy: TrailTen with { StopLossPercent = 10 });

        position.Tell(new PriceTick(Symbol, new MarketQuote(Symbol, bid, ask, null, Clock.Now)));

        Assert.Equal(opened.State, View(position).State);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Fills_reduce_the_quantity_and_the_last_one_closes_and_passivates()
    {
        var position = StartPosition();
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();
        var close = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();

        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Submitted(close.ExitSequence, close.IntentId, "ord-1")));
        ExpectMsg<CommandAccepted>();
        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Fill(close.ExitSequence, 4, 4.9m, false)));
        Assert.Equal(6, ExpectMsg<CommandAccepted>().State.Quantity);
        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Fill(close.ExitSequence, 10, 4.9m, true)));

        var closed = ExpectMsg<CommandAccepted>().State;
        Assert.Equal((PositionStatus.Closed, 0), (closed.Status, closed.Quantity));
        Shard.ExpectMsg<FakeShard.Passivated>();
    }

    [Fact]
    public void A_closed_position_stays_closed_after_restart_and_refuses_everything()
    {
        var position = StartPosition();
        Open(position);
        position.Tell(new MarkBrokerFlat(Symbol, "closed at the broker"));
        ExpectMsg<CommandAccepted>();
        Shard.ExpectMsg<FakeShard.Passivated>();
        StopPosition(position);

        var revived = StartPosition();
        Shard.ExpectMsg<FakeShard.Passivated>();
        Tick(revived, 50m);
        revived.Tell(new PositionProtocol.Open(Symbol, Symbol, PositionSide.Long, 10, 5m, TrailTen, Domain.Positions.Events.OpenOrigin.Adopted));

        Assert.Contains("closed", ExpectMsg<CommandRefused>().Reason);
        Assert.Equal(PositionStatus.Closed, View(revived).State.Status);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_pending_exit_not_yet_submitted_is_sent_again_after_restart_with_the_same_intent_id()
    {
        var position = StartPosition();
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();
        var first = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        StopPosition(position);

        StartPosition();

        Assert.Equal(first, Gateway.ExpectMsg<GatewayProtocol.SubmitClose>());
    }

    [Fact]
    public void An_intent_the_gateway_does_not_acknowledge_is_sent_again_unchanged()
    {
        var position = StartPosition(settings: PositionSettings.Default with { GatewayAckTimeout = TimeSpan.FromMilliseconds(200), PendingExitResendInterval = TimeSpan.FromHours(1) });
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();

        var first = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        var again = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();

        Assert.Equal(first, again);
    }

    [Fact]
    public void An_acknowledged_intent_is_not_sent_again_until_the_outcome_interval()
    {
        var position = StartPosition(settings: PositionSettings.Default with { GatewayAckTimeout = TimeSpan.FromMilliseconds(200), PendingExitResendInterval = TimeSpan.FromHours(1) });
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();
        var intent = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();

        Gateway.Reply(new GatewayProtocol.CloseAccepted(intent.IntentId));

        Gateway.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void An_acknowledged_intent_whose_order_has_not_ended_is_sent_again_so_a_lost_outcome_is_repeated()
    {
        var position = StartPosition(settings: PositionSettings.Default with { GatewayAckTimeout = TimeSpan.FromHours(1), PendingExitResendInterval = TimeSpan.FromMilliseconds(300) });
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();
        var intent = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();
        Gateway.Reply(new GatewayProtocol.CloseAccepted(intent.IntentId));

        Assert.Equal(intent, Gateway.ExpectMsg<GatewayProtocol.SubmitClose>());
    }

    [Fact]
    public void An_ended_order_stops_the_re_sending()
    {
        var position = StartPosition(settings: PositionSettings.Default with { GatewayAckTimeout = TimeSpan.FromMilliseconds(200), PendingExitResendInterval = TimeSpan.FromMilliseconds(200) });
        Open(position);
        position.Tell(new RequestClose(Symbol));
        ExpectMsg<CommandAccepted>();
        var intent = Gateway.ExpectMsg<GatewayProtocol.SubmitClose>();

        position.Tell(new ReportOrderOutcome(Symbol, new OrderOutcome.Rejected(intent.ExitSequence, "insufficient qty")));
        ExpectMsg<CommandAccepted>();
        Gateway.ReceiveWhile(TimeSpan.FromMilliseconds(300), m => m as GatewayProtocol.SubmitClose);

        Gateway.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_policy_change_is_journaled_and_a_bad_one_refused()
    {
        var position = StartPosition();
        Open(position);

        position.Tell(new ChangePolicy(Symbol, new ExitPolicy(Trailing: TrailingStopRule.Amount(1m))));
        var changed = ExpectMsg<CommandAccepted>();
        position.Tell(new ChangePolicy(Symbol, new ExitPolicy(StopLossPercent: -5)));

        Assert.Equal(4.00m, changed.State.Stop);
        Assert.Contains("stop loss", ExpectMsg<CommandRefused>().Reason);
    }

    [Fact]
    public void The_clock_alone_fires_a_time_exit()
    {
        var position = StartPosition(settings: PositionSettings.Default with { ClockInterval = TimeSpan.FromMilliseconds(50) });
        Open(position, policy: new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 1)));
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        Clock.Advance(TimeSpan.FromDays(17));

        Assert.Equal(ExitReason.TimeExit, Gateway.ExpectMsg<GatewayProtocol.SubmitClose>().Reason);
    }
}
