using PositionManager.Actors.Gateway;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>Invariant 7: a halted gateway refuses every order, and stays halted across restarts until resumed.</summary>
public sealed class GatewayKillSwitchTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "MSFT260220C00500000";

    [Fact]
    public void A_halted_gateway_refuses_orders_stays_halted_after_a_restart_and_sends_again_once_resumed()
    {
        Broker.Hold(Call, 2);
        var first = StartGateway();
        first.Tell(new GatewayProtocol.Halt("broker incident", "ops"), TestActor);
        Assert.True(ExpectMsg<GatewayProtocol.GatewayStatus>().Halted);
        Submit(first, Close(Call, 2, exitSequence: 1));
        ExpectRefusal(Call, nameof(RuleCode.GatewayHalted));

        StopGateway(first);
        var second = StartGateway();

        Assert.True(Status(second).Halted);
        Submit(second, Close(Call, 2, exitSequence: 2));
        ExpectRefusal(Call, nameof(RuleCode.GatewayHalted));
        Assert.Empty(Broker.Orders());

        second.Tell(new GatewayProtocol.Resume("ops"), TestActor);
        Assert.False(ExpectMsg<GatewayProtocol.GatewayStatus>().Halted);
        Submit(second, Close(Call, 2, exitSequence: 3));
        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        Assert.Equal(Close(Call, 2, exitSequence: 3).IntentId, Assert.Single(Broker.Orders()).ClientOrderId);
    }

    [Fact]
    public void Every_refused_rule_is_counted_in_the_rejections_metric()
    {
        using var listener = new RejectionCounter();
        var gateway = StartGateway();

        Submit(gateway, Close("GOOGL", 1));

        ExpectRefusal("GOOGL", nameof(RuleCode.NotAnOptionSymbol));
        AwaitAssert(() => Assert.True(listener.CountFor(nameof(RuleCode.NotAnOptionSymbol)) >= 1));
        Assert.True(listener.CountFor(nameof(RuleCode.SymbolNotHeld)) >= 1);
    }
}
