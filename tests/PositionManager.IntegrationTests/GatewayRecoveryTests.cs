using PositionManager.Actors.Gateway;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>The gateway's outbox and kill switch come back from snapshot + events exactly: a restarted gateway still recognises every intent it remembered (see GatewayRetentionTests for what it forgets).</summary>
public sealed class GatewayRecoveryTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private static readonly string[] Calls = ["AAPL260220C00250000", "MSFT260220C00500000", "NVDA260220C00190000"];

    [Fact]
    public void After_a_restart_from_a_snapshot_re_sent_intents_are_answered_from_the_journal_and_never_sent_again()
    {
        var snapshotOften = Fast with { SnapshotEvery = 2 };
        foreach (var call in Calls)
        {
            Broker.Hold(call, 1);
        }

        var first = StartGateway(settings: snapshotOften);
        foreach (var call in Calls)
        {
            Submit(first, Close(call, 1));
        }

        ExpectCompleteFills(Calls);
        AwaitAssert(() => Assert.All(Status(first).RecentIntents, i => Assert.Equal(IntentStage.Finished, i.Stage)));
        first.Tell(new GatewayProtocol.Halt("end of day", "ops"), TestActor);
        ExpectMsg<GatewayProtocol.GatewayStatus>();
        StopGateway(first);

        var second = StartGateway(settings: snapshotOften);
        var recovered = Status(second);
        foreach (var call in Calls)
        {
            Submit(second, Close(call, 1));
        }

        Assert.True(recovered.Halted);
        Assert.Equal(Calls.Order(), recovered.RecentIntents.Select(i => i.Intent.Symbol).Order());
        Assert.All(recovered.RecentIntents, i => Assert.Equal((IntentStage.Finished, 1), (i.Stage, i.FilledQuantity)));
        ExpectCompleteFills(Calls);
        Assert.Equal(3, Broker.Orders().Count);
    }
}
