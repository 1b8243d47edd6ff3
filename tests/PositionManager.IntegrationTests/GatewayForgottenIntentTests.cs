using PositionManager.Actors.Gateway;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The gateway forgets the oldest done intents (GatewaySettings.RetainCompleted). A forgotten intent
/// sent again is taken as new, and still never becomes a second order: the rules see the broker's
/// position as it is now (a refusal first looks the client_order_id up, so the position hears of its
/// order), and the broker refuses a client_order_id used before.
/// </summary>
public sealed class GatewayForgottenIntentTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "AAPL260220C00250000";
    private const string Other = "MSFT260220C00500000";

    /// <summary>One done intent remembered, and a snapshot every few events so that recovery starts from one.</summary>
    private static readonly GatewaySettings ForgetQuickly = Fast with { RetainCompleted = 1, SnapshotEvery = 3 };

    [Fact]
    public void A_forgotten_intent_sent_again_after_a_restart_hears_of_its_filled_order_and_is_never_sent_twice()
    {
        Broker.Hold(Call, 2);
        Broker.Hold(Other, 1);
        var first = StartGateway(settings: ForgetQuickly);
        var intent = Close(Call, 2);
        Submit(first, intent);
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        var order = Assert.Single(Broker.OrdersFor(intent.IntentId));
        Submit(first, Close(Other, 1));
        ExpectOutcome<OrderOutcome.Fill>(Other, f => f.OrderComplete);
        AwaitAssert(() => Assert.Equal([Other], Status(first).RecentIntents.Select(i => i.Intent.Symbol)), TimeSpan.FromSeconds(10));
        StopGateway(first);

        var second = StartGateway(settings: ForgetQuickly);
        Assert.Equal([Other], Status(second).RecentIntents.Select(i => i.Intent.Symbol));
        Submit(second, intent);

        // The rules refuse it (the call is flat), but its client_order_id is at the broker: the
        // position hears of that order and its fill, not a refusal, and nothing is sent.
        Assert.Equal(order.Id, Guid.Parse(ExpectOutcome<OrderOutcome.Submitted>(Call).BrokerOrderId));
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        Assert.Single(Broker.OrdersFor(intent.IntentId));
        Assert.Equal(2, Broker.Orders().Count);
        Assert.Equal(0m, Broker.Held(Call));
    }

    [Fact]
    public void A_forgotten_intent_whose_order_closed_nothing_is_found_by_its_client_order_id_not_sent_again()
    {
        Broker.Hold(Call, 2);
        Broker.Hold(Other, 1);
        var gateway = StartGateway(settings: ForgetQuickly);
        // A sell limit far above the bid rests until it is canceled: the position stays held.
        var intent = Close(Call, 2) with { LimitPrice = 9.00m };
        Submit(gateway, intent);
        var submitted = ExpectOutcome<OrderOutcome.Submitted>(Call);
        Assert.Null(Broker.Host.Account.Cancel(Guid.Parse(submitted.BrokerOrderId)));
        ExpectOutcome<OrderOutcome.Ended>(Call);
        Submit(gateway, Close(Other, 1));
        ExpectOutcome<OrderOutcome.Fill>(Other, f => f.OrderComplete);
        AwaitAssert(() => Assert.Equal([Other], Status(gateway).RecentIntents.Select(i => i.Intent.Symbol)), TimeSpan.FromSeconds(10));

        Submit(gateway, intent);

        // The rules pass (2 held, none reserved); the broker refuses the reused client_order_id, and the order it names is reported.
        Assert.Equal(submitted.BrokerOrderId, ExpectOutcome<OrderOutcome.Submitted>(Call).BrokerOrderId);
        ExpectOutcome<OrderOutcome.Ended>(Call);
        Assert.Single(Broker.OrdersFor(intent.IntentId));
        Assert.Equal(2m, Broker.Held(Call));
    }
}
