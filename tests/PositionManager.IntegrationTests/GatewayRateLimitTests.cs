using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Time;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// A 429 means nothing was done: the gateway waits for the window to reset and sends the same
/// order with the same client_order_id. The broker's clock stands a day back, so the reset it
/// announces has already passed and the test does not wait a real minute; that the client waits
/// for a reset still ahead is the Alpaca client's own test.
/// </summary>
public sealed class GatewayRateLimitTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "AAPL260220C00250000";

    protected override TimeProvider? BrokerClock { get; } = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));

    [Fact]
    public void A_rate_limited_submit_is_retried_with_the_same_client_order_id()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();
        Broker.Host.Faults.FailNextWithRateLimit(2);

        Submit(gateway, Close(Call, 2));

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        Assert.Equal(Close(Call, 2).IntentId, Assert.Single(Broker.Orders()).ClientOrderId);
    }

}
