using PositionManager.Actors.Gateway;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Faults;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Invariant 5, one exit one order: whatever fails between the gateway and the broker (ambiguous
/// answers, rate limits, re-sent intents, the gateway stopped mid-submission), the broker ends up
/// with exactly one order for the intent.
/// </summary>
public sealed class GatewayIdempotenceTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "AAPL260220C00250000";

    [Theory]
    [InlineData(AmbiguousFailure.Error)]
    [InlineData(AmbiguousFailure.Abort)]
    public void An_ambiguous_failure_on_submit_ends_with_exactly_one_order(AmbiguousFailure mode)
    {
        Broker.Hold(Call, 4);
        Broker.Host.Faults.FailNextOrdersAmbiguously(1, mode);
        var gateway = StartGateway();
        var intent = Close(Call, 4);

        Submit(gateway, intent);

        var submitted = ExpectOutcome<OrderOutcome.Submitted>(Call);
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        var order = Assert.Single(Broker.Orders());
        Assert.Equal((intent.IntentId, order.Id.ToString()), (order.ClientOrderId, submitted.BrokerOrderId));
        Assert.Equal(0m, Broker.Held(Call));
    }

    [Fact]
    public void A_re_sent_intent_is_acknowledged_and_answered_again_but_never_sent_twice()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();
        var intent = Close(Call, 2);
        Submit(gateway, intent);
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);

        Submit(gateway, intent);

        ExpectOutcome<OrderOutcome.Submitted>(Call);
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete && f.CumulativeFilledQuantity == 2);
        Assert.Single(Broker.Orders());
    }

    [Fact]
    public void A_gateway_stopped_between_submitting_and_the_answer_sends_no_second_order_after_it_restarts()
    {
        Broker.Hold(Call, 3);
        // Every answer takes a while, so the submission is certainly in flight when the gateway stops.
        Broker.Host.Faults.SetLatency(TimeSpan.FromMilliseconds(700));
        var first = StartGateway();
        var intent = Close(Call, 3);
        Submit(first, intent);
        AwaitAssert(() => Assert.Equal(IntentStage.Submitting, Status(first).RecentIntents.Single().Stage), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));

        StopGateway(first);
        var second = StartGateway();

        ExpectOutcome<OrderOutcome.Submitted>(Call);
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        AwaitAssert(() => Assert.Equal(IntentStage.Finished, Status(second).RecentIntents.Single().Stage), TimeSpan.FromSeconds(10));
        var order = Assert.Single(Broker.Orders());
        Assert.Equal(intent.IntentId, order.ClientOrderId);
        Assert.Equal(0m, Broker.Held(Call));
    }

    [Fact]
    public void Intents_go_to_the_broker_in_arrival_order_one_at_a_time()
    {
        string[] calls = ["AAPL260220C00250000", "MSFT260220C00500000", "NVDA260220C00190000"];
        foreach (var call in calls)
        {
            Broker.Hold(call, 1);
        }

        var gateway = StartGateway();
        foreach (var call in calls)
        {
            Submit(gateway, Close(call, 1));
        }

        ExpectCompleteFills(calls);
        Assert.Equal(calls, Broker.Orders().OrderBy(o => o.CreatedAt).Select(o => o.Symbol));
    }

    [Fact]
    public void Fills_reach_the_position_through_the_trade_stream()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway(withStream: true);
        AwaitAssert(() => Assert.True(Status(gateway).StreamListening), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));

        Submit(gateway, Close(Call, 2));

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete && f.CumulativeFilledQuantity == 2);
    }
}
