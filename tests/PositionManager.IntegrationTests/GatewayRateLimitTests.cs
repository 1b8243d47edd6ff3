using PositionManager.Actors.Gateway;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Time;
using Xunit.Abstractions;
using static PositionManager.IntegrationTests.Support.RateLimitedOnceBroker;

namespace PositionManager.IntegrationTests;

/// <summary>
/// A 429 means nothing was done: once the window resets, the gateway reads the broker's position
/// and runs OrderRules again (halted included) before it sends the same client_order_id again
/// (invariants 4, 5 and 7). The broker's clock stands a day back, so the reset it announces has
/// already passed and the test does not wait a real minute; that the client waits for a reset
/// still ahead is the Alpaca client's own test. Where the world changes between the 429 and the
/// retry, <see cref="RateLimitedOnceBroker"/> holds the 429 or the retry's broker calls until the
/// change is made.
/// </summary>
public sealed class GatewayRateLimitTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "AAPL260220C00250000";

    public enum Meanwhile
    {
        SoldByHand,
        TiedUpByAnOpenOrder,
    }

    protected override TimeProvider? BrokerClock { get; } = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));

    [Fact]
    public void Rate_limited_position_reads_are_retried_and_the_order_goes_out_once()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();
        // The next two REST requests are the position reads that come before any submit.
        Broker.Host.Faults.FailNextWithRateLimit(2);

        Submit(gateway, Close(Call, 2));

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        Assert.Equal(Close(Call, 2).IntentId, Assert.Single(Broker.Orders()).ClientOrderId);
    }

    [Fact]
    public void After_a_429_on_submit_the_position_is_read_again_and_the_same_client_order_id_goes_out_once()
    {
        Broker.Hold(Call, 2);
        var broker = new RateLimitedOnceBroker(Broker.Client, Broker.Host.Faults);
        var gateway = StartGateway(client: broker);
        var intent = Close(Call, 2);

        Submit(gateway, intent);

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete && f.CumulativeFilledQuantity == 2);
        Assert.IsType<BrokerFailure.RateLimited>(broker.FirstSubmitFailure);
        string[] expected = ["position", $"submit {intent.IntentId}", "position", $"submit {intent.IntentId}"];
        Assert.Equal(expected, broker.Calls.Where(c => !c.StartsWith("lookup", StringComparison.Ordinal)));
        var order = Assert.Single(Broker.Orders());
        Assert.Equal((intent.IntentId, 2m), (order.ClientOrderId, order.Qty));
        Assert.Equal(0m, Broker.Held(Call));
    }

    [Theory]
    [InlineData(Hold.The429)]
    [InlineData(Hold.TheRetry)]
    public void A_gateway_halted_between_a_429_and_its_retry_sends_nothing_more_and_refuses_the_intent_after_a_lookup(Hold haltedDuring)
    {
        Broker.Hold(Call, 2);
        var broker = new RateLimitedOnceBroker(Broker.Client, Broker.Host.Faults, haltedDuring);
        var gateway = StartGateway(client: broker);
        var intent = Close(Call, 2);
        Submit(gateway, intent);
        AwaitCondition(() => broker.IsHolding, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        gateway.Tell(new GatewayProtocol.Halt("broker incident", "ops"), TestActor);
        Assert.True(ExpectMsg<GatewayProtocol.GatewayStatus>().Halted);
        broker.Release();

        var verdict = Verdict(broker, intent);
        Assert.IsType<BrokerFailure.RateLimited>(broker.FirstSubmitFailure);
        string[] afterThe429 = ["position", $"lookup {intent.IntentId}"];
        Assert.Equal(afterThe429, AfterTheFirstSubmit(broker, intent));
        Assert.Contains(nameof(RuleCode.GatewayHalted), Assert.IsType<OrderOutcome.Rejected>(verdict).Reason, StringComparison.Ordinal);
        Assert.Empty(Broker.Orders());
        Assert.Equal(2m, Broker.Held(Call));
        Assert.Equal(IntentStage.Refused, Status(gateway).RecentIntents.Single().Stage);
    }

    [Theory]
    [InlineData(Meanwhile.SoldByHand, nameof(RuleCode.SymbolNotHeld), 0)]
    [InlineData(Meanwhile.TiedUpByAnOpenOrder, nameof(RuleCode.QuantityAboveAvailable), 2)]
    public void A_position_sold_or_tied_up_between_a_429_and_its_retry_is_read_again_and_nothing_is_sent(Meanwhile meanwhile, string rule, int heldAfter)
    {
        Broker.Hold(Call, 2);
        var broker = new RateLimitedOnceBroker(Broker.Client, Broker.Host.Faults, Hold.TheRetry);
        var gateway = StartGateway(client: broker);
        var intent = Close(Call, 2);
        Submit(gateway, intent);
        AwaitCondition(() => broker.IsHolding, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        if (meanwhile == Meanwhile.SoldByHand)
        {
            Broker.Host.Account.SeedPosition(Call, 0, 5.00m);
        }
        else
        {
            // A person's resting sell of 1 holds 1 of the 2: only 1 is available to sell.
            var byHand = Broker.Host.Account.Submit(new OrderSubmission
            {
                Symbol = Call,
                Qty = 1,
                Side = "sell",
                Type = "limit",
                LimitPrice = 50.00m,
                TimeInForce = "day",
                PositionIntent = "sell_to_close",
                ClientOrderId = "by-hand-1",
            });
            Assert.NotNull(byHand.Order);
        }

        broker.Release();

        var verdict = Verdict(broker, intent);
        Assert.IsType<BrokerFailure.RateLimited>(broker.FirstSubmitFailure);
        string[] afterThe429 = ["position", $"lookup {intent.IntentId}"];
        Assert.Equal(afterThe429, AfterTheFirstSubmit(broker, intent));
        Assert.Contains(rule, Assert.IsType<OrderOutcome.Rejected>(verdict).Reason, StringComparison.Ordinal);
        Assert.Empty(Broker.OrdersFor(intent.IntentId));
        Assert.Equal((decimal)heldAfter, Broker.Held(Call));
    }

    [Fact]
    public void A_rate_limited_intent_is_refused_only_after_a_lookup_that_answered()
    {
        Broker.Hold(Call, 2);
        var broker = new RateLimitedOnceBroker(Broker.Client, Broker.Host.Faults, Hold.TheRetry);
        broker.FailLookupsAfterThe429(1);
        var gateway = StartGateway(client: broker);
        var intent = Close(Call, 2);
        Submit(gateway, intent);
        AwaitCondition(() => broker.IsHolding, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        gateway.Tell(new GatewayProtocol.Halt("broker incident", "ops"), TestActor);
        Assert.True(ExpectMsg<GatewayProtocol.GatewayStatus>().Halted);
        broker.Release();

        var verdict = Verdict(broker, intent);
        // The first lookup is answered 500: the intent may be at the broker, so it is checked and looked up again.
        string[] afterThe429 = ["position", $"lookup {intent.IntentId}", "position", $"lookup {intent.IntentId}"];
        Assert.Equal(afterThe429, AfterTheFirstSubmit(broker, intent));
        Assert.Contains(nameof(RuleCode.GatewayHalted), Assert.IsType<OrderOutcome.Rejected>(verdict).Reason, StringComparison.Ordinal);
        Assert.Empty(Broker.Orders());
    }

    /// <summary>What the gateway made of the intent: an order at the broker, or a refusal.</summary>
    private OrderOutcome Verdict(RateLimitedOnceBroker broker, GatewayProtocol.SubmitClose intent)
    {
        try
        {
            return ExpectOutcome<OrderOutcome>(Call, o => o is OrderOutcome.Submitted or OrderOutcome.Rejected);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"Neither an order nor a refusal reached the position. Calls after the 429: [{string.Join(", ", AfterTheFirstSubmit(broker, intent))}]", e);
        }
    }

    /// <summary>The calls that reached the broker after the first submit; a second submit among them would be an order sent.</summary>
    private static IReadOnlyList<string> AfterTheFirstSubmit(RateLimitedOnceBroker broker, GatewayProtocol.SubmitClose intent) =>
        [.. broker.Calls.SkipWhile(c => c != $"submit {intent.IntentId}").Skip(1)];
}
