using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The trade stream does not replay what it missed: an order that filled while it was away is heard
/// of only through the poll the gateway makes when it listens again. Both tests script the stream
/// (it never delivers an update), so a fill reaches the position only if that poll covered its order.
/// Both regressions were found by the seeded simulation (seeds 506308640 and 556167921).
/// </summary>
public sealed class GatewayStreamGapTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Symbol = "AAPL260220C00250000";

    [Fact]
    public async Task An_order_whose_acceptance_is_being_journaled_when_the_stream_returns_is_polled_after_it()
    {
        Broker.Hold(Symbol, 1);
        var close = Close(Symbol, 1);
        var broker = new HoldingBroker(Broker.Client);
        broker.HoldAnswerOf(close.IntentId);
        var stream = new ScriptedTradeStream();
        var gateway = StartGateway(client: broker, stream: stream);

        // The order is created and fills at the broker while the gateway still waits for the submit's
        // answer, which says "new": only a poll after the acceptance is journaled can tell of the fill.
        Submit(gateway, close);
        AwaitCondition(() => broker.IsHoldingAnswer(close.IntentId) && Broker.OrdersFor(close.IntentId) is [{ Status: "filled" }], TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        await stream.ListeningAsync();
        AwaitCondition(() => Status(gateway).StreamListening, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        broker.ReleaseAnswer(close.IntentId);

        var fill = ExpectOutcome<OrderOutcome.Fill>(Symbol, f => f.OrderComplete);
        Assert.Equal(1, fill.CumulativeFilledQuantity);
    }

    [Fact]
    public async Task A_poll_that_fails_after_the_stream_returns_is_made_again()
    {
        Broker.Hold(Symbol, 1);
        var close = Close(Symbol, 1);
        var broker = new HoldingBroker(Broker.Client);
        var stream = new ScriptedTradeStream();
        var gateway = StartGateway(client: broker, stream: stream);
        await stream.ListeningAsync();
        AwaitCondition(() => Status(gateway).StreamListening, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        broker.FailLookups = true;
        Submit(gateway, close);
        ExpectOutcome<OrderOutcome.Submitted>(Symbol);
        AwaitCondition(() => Broker.OrdersFor(close.IntentId) is [{ Status: "filled" }], TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        // The stream drops and returns; the poll it owes fails. Then the broker answers again.
        var failedBefore = broker.FailedLookups;
        await stream.DownAsync("dropped (test)");
        await stream.ListeningAsync();
        AwaitCondition(() => Status(gateway).StreamListening && broker.FailedLookups > failedBefore, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        broker.FailLookups = false;

        var fill = ExpectOutcome<OrderOutcome.Fill>(Symbol, f => f.OrderComplete);
        Assert.Equal(1, fill.CumulativeFilledQuantity);
    }
}
