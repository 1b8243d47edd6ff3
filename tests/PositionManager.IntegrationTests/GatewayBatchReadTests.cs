using PositionManager.Actors.Gateway;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Invariant 4 with a crowd in the outbox: queued intents share one GET /v2/positions, but only
/// while it is younger than GatewaySettings.MaxBatchReadAge and only for symbols the broker has not
/// answered about since it was sent; otherwise the symbol is read again before anything is sent.
/// The intents that pass on one shared read are journaled "submitting" in one write. The first
/// intent's submit is held, so that the others are certainly queued behind it.
/// </summary>
public sealed class GatewayBatchReadTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string First = "AAPL260220C00250000";
    private const string Second = "MSFT260220C00500000";
    private const string Third = "NVDA260220C00190000";
    private const string Fourth = "TSLA260220P00300000";

    [Fact]
    public void A_position_sold_by_hand_after_the_shared_read_is_read_again_once_that_read_is_too_old_and_nothing_is_sent()
    {
        foreach (var symbol in new[] { First, Second, Third, Fourth })
        {
            Broker.Hold(symbol, 1);
        }

        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var first = Close(First, 1);
        var second = Close(Second, 1);
        var broker = new HoldingBroker(Broker.Client, first.IntentId, second.IntentId);
        var gateway = StartGateway(client: broker, clock: clock);
        Submit(gateway, first);
        AwaitCondition(() => broker.IsHolding(first.IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        Submit(gateway, second);
        Submit(gateway, Close(Third, 1));
        Submit(gateway, Close(Fourth, 1));
        broker.Release(first.IntentId);
        AwaitCondition(() => broker.IsHolding(second.IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

        Broker.Host.Account.SeedPosition(Third, 0, 5.00m);
        clock.Advance(Fast.MaxBatchReadAge + TimeSpan.FromSeconds(1));
        broker.Release(second.IntentId);

        var heard = HearUntilSettled([First, Second, Fourth], refused: [Third]);
        Assert.Contains(nameof(RuleCode.SymbolNotHeld), heard.Refusals[Third], StringComparison.Ordinal);
        var calls = broker.Calls;
        var sharedRead = calls.ToList().IndexOf("positions");
        var secondSubmit = calls.ToList().IndexOf($"submit {second.IntentId}");
        Assert.InRange(sharedRead, 0, secondSubmit);
        Assert.Contains(calls.Skip(secondSubmit), c => c is "positions" or $"position {Third}");
        Assert.DoesNotContain($"submit {Close(Third, 1).IntentId}", calls);
        Assert.DoesNotContain(Broker.Orders(), o => o.Symbol == Third);
    }

    [Fact]
    public void A_symbol_whose_order_was_answered_after_the_shared_read_is_read_on_its_own_before_its_next_intent()
    {
        Broker.Hold(First, 1);
        Broker.Hold(Second, 2);
        Broker.Hold(Third, 1);
        var blocker = Close(First, 1);
        var broker = new HoldingBroker(Broker.Client, blocker.IntentId);
        var gateway = StartGateway(client: broker);
        Submit(gateway, blocker);
        AwaitCondition(() => broker.IsHolding(blocker.IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        // A resting limit sell of 1 holds 1 of the 2: the shared read, sent before it, still shows 2 available.
        var resting = Close(Second, 1) with { LimitPrice = 50.00m };
        var sameSymbol = Close(Second, 2, exitSequence: 2);
        Submit(gateway, resting);
        Submit(gateway, sameSymbol);
        Submit(gateway, Close(Third, 1));

        broker.Release(blocker.IntentId);

        var heard = HearUntilSettled([First, Third], refused: [Second]);
        Assert.Contains(nameof(RuleCode.QuantityAboveAvailable), heard.Refusals[Second], StringComparison.Ordinal);
        Assert.Contains(heard.Submitted, s => s.ClientOrderId == resting.IntentId);
        var calls = broker.Calls.ToList();
        Assert.InRange(calls.IndexOf("positions"), 0, calls.IndexOf($"submit {resting.IntentId}"));
        Assert.InRange(calls.IndexOf($"position {Second}"), calls.IndexOf($"submit {resting.IntentId}"), calls.IndexOf($"lookup {sameSymbol.IntentId}"));
        Assert.Equal([resting.IntentId], Broker.Orders().Where(o => o.Symbol == Second).Select(o => o.ClientOrderId));
        Assert.Equal(2m, Broker.Held(Second));
    }

    [Fact]
    public void More_than_the_shared_read_holds_is_refused_without_a_read_of_its_own()
    {
        foreach (var symbol in new[] { First, Second, Third })
        {
            Broker.Hold(symbol, 2);
        }

        var blocker = Close(First, 2);
        var broker = new HoldingBroker(Broker.Client, blocker.IntentId);
        var gateway = StartGateway(client: broker);
        Submit(gateway, blocker);
        AwaitCondition(() => broker.IsHolding(blocker.IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        Submit(gateway, Close(Second, 5));
        Submit(gateway, Close(Third, 2));

        broker.Release(blocker.IntentId);

        var heard = HearUntilSettled([First, Third], refused: [Second]);
        Assert.Contains(nameof(RuleCode.QuantityAboveHeld), heard.Refusals[Second], StringComparison.Ordinal);
        Assert.Contains(nameof(RuleCode.QuantityAboveAvailable), heard.Refusals[Second], StringComparison.Ordinal);
        Assert.Contains("positions", broker.Calls);
        Assert.DoesNotContain($"position {Second}", broker.Calls);
        Assert.DoesNotContain(Broker.Orders(), o => o.Symbol == Second);
        Assert.Equal(2m, Broker.Held(Second));
    }

    [Fact]
    public void The_intents_checked_on_one_shared_read_are_journaled_submitting_together_and_after_a_restart_each_is_looked_up_before_it_is_sent_once()
    {
        foreach (var symbol in new[] { First, Second, Third, Fourth })
        {
            Broker.Hold(symbol, 1);
        }

        var blocker = Close(First, 1);
        var batch = new[] { Close(Second, 1), Close(Third, 1), Close(Fourth, 1) };
        var held = new HoldingBroker(Broker.Client, blocker.IntentId, batch[0].IntentId);
        var first = StartGateway(client: held);
        Submit(first, blocker);
        AwaitCondition(() => held.IsHolding(blocker.IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        foreach (var intent in batch)
        {
            Submit(first, intent);
        }

        held.Release(blocker.IntentId);
        AwaitCondition(() => held.IsHolding(batch[0].IntentId), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        var stages = Status(first).RecentIntents.Where(i => batch.Any(b => b.IntentId == i.IntentId)).Select(i => i.Stage);
        Assert.Equal([IntentStage.Submitting, IntentStage.Submitting, IntentStage.Submitting], stages);
        Assert.Equal(1, held.Calls.Count(c => c == "positions"));

        StopGateway(first);
        var recording = new HoldingBroker(Broker.Client);
        StartGateway(client: recording);

        HearUntilSettled([Second, Third, Fourth], refused: []);
        var calls = recording.Calls.ToList();
        Assert.All(batch, intent =>
        {
            Assert.InRange(calls.IndexOf($"lookup {intent.IntentId}"), 0, calls.IndexOf($"submit {intent.IntentId}"));
            Assert.Single(Broker.OrdersFor(intent.IntentId));
        });
        Assert.DoesNotContain($"submit {batch[0].IntentId}", held.Calls);
    }

    /// <summary>Every outcome the positions hear, until each of <paramref name="filled"/> filled completely and each of <paramref name="refused"/> was refused.</summary>
    private Heard HearUntilSettled(IReadOnlyCollection<string> filled, IReadOnlyCollection<string> refused)
    {
        var heard = new Heard(new Dictionary<string, string>(StringComparer.Ordinal), []);
        var waitingForFills = filled.ToHashSet(StringComparer.Ordinal);
        while (waitingForFills.Count > 0 || !refused.All(heard.Refusals.ContainsKey))
        {
            var report = Positions.ExpectMsg<PositionManager.Actors.Positions.PositionProtocol.ReportOrderOutcome>(TimeSpan.FromSeconds(20));
            switch (report.Outcome)
            {
                case OrderOutcome.Fill { OrderComplete: true }:
                    waitingForFills.Remove(report.PositionId);
                    break;
                case OrderOutcome.Rejected rejected:
                    heard.Refusals[report.PositionId] = rejected.Reason;
                    break;
                case OrderOutcome.Submitted submitted:
                    heard.Submitted.Add(submitted);
                    break;
            }
        }

        return heard;
    }

    private sealed record Heard(Dictionary<string, string> Refusals, List<OrderOutcome.Submitted> Submitted);
}
