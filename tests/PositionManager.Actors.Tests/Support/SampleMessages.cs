using PositionManager.Actors.Gateway;
using PositionManager.Actors.Nodes;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Tests.Support;

/// <summary>One filled-in instance of every type with a manifest.</summary>
public static class SampleMessages
{
    private const string Symbol = "GOOGL260220C00340000";
    private static readonly DateTimeOffset At = new(2026, 2, 2, 15, 30, 0, TimeSpan.Zero);

    public static readonly ExitPolicy Policy = new(
        StopLossPercent: 25,
        TakeProfitPercent: 150,
        Trailing: TrailingStopRule.Percent(10).ArmedAtGain(20).ArmedAtPrice(6.5m),
        ScaleOuts: [new ScaleOutTarget(50, 25), new ScaleOutTarget(100, 25)],
        TimeExit: new TimeExitRule(30, 1),
        PriceSource: PriceSource.Mid);

    public static IReadOnlyList<object> All()
    {
        var openedV1 = new PositionOpenedV1(Symbol, Symbol, PositionSide.Long, 10, 5.00m, Policy, OpenOrigin.Adopted, At);
        var opened = new PositionOpened(Symbol, Symbol, PositionSide.Long, 10, 5.00m, Policy, OpenOrigin.Adopted, At, "GOOGL", "megacaps");
        var state = PositionState.New(Symbol).Apply(opened)
            .Apply(new PeakRaised(7.25m, 6.525m, true, At))
            .Apply(new ExitTriggered(1, ExitReason.ScaleOut, 2, 7.30m, 0, "pm-GOOGL260220C00340000-0a1b2c3d-1", At));

        // Remote messages carry a state whose rule and underlying are optional: the samples of their
        // first version have neither, as that version wrote them.
        var stateV1 = state with { RuleName = null, UnderlyingSymbol = null };
        var intent = new GatewayProtocol.SubmitClose("pm-GOOGL260220C00340000-0a1b2c3d-1", Symbol, 1, Symbol, OrderSide.Sell, PositionIntent.SellToClose, 2, ExitReason.ScaleOut, 7.30m);
        var watched = new WatchedPosition(Symbol, Symbol, PriceSource.Mid);
        var alert = new ReconcilerAlert(AlertKind.UnmanagedShort, "SPY260220P00450000", "SHORT 2 SPY260220P00450000 at the broker was not opened by this system", At, At.AddMinutes(5));
        var record = new IntentRecord(intent, IntentStage.Finished, At, "61e69015-8549-4bfd-b9c3-01e75843f47d", null, BrokerOrderStatus.Filled, "filled", 2, 7.27m);
        return
        [
            openedV1,
            new PeakRaised(7.25m, 6.525m, true, At),
            new PolicyChangedV1(Policy, 6.525m, true, At),
            new ExitTriggered(1, ExitReason.ScaleOut, 2, 7.30m, 0, "pm-GOOGL260220C00340000-0a1b2c3d-1", At),
            new CloseOrderSubmitted(1, "pm-GOOGL260220C00340000-0a1b2c3d-1", "61e69015-8549-4bfd-b9c3-01e75843f47d", At),
            new CloseOrderRejected(1, "insufficient qty available for order (requested: 2, available: 1)", At),
            new CloseOrderPartiallyFilled(1, 1, 7.28m, At),
            new CloseOrderFilled(1, 2, 7.27m, At),
            new CloseOrderCanceled(1, "expired", At),
            new PositionClosed("TrailingStop exit 3 filled", At),
            SnapshotV1(stateV1),
            new PositionProtocol.Open(Symbol, Symbol, PositionSide.Long, 10, 5.00m, Policy, OpenOrigin.Opened),
            new PositionProtocol.PriceTick(Symbol, new MarketQuote(Symbol, 7.1, 7.2, 7.15, At)),
            new PositionProtocol.GetState(Symbol),
            new PositionProtocol.ChangePolicy(Symbol, Policy),
            new PositionProtocol.RequestClose(Symbol),
            new PositionProtocol.ReportOrderOutcome(Symbol, new OrderOutcome.Fill(1, 2, 7.27m, true)),
            new PositionProtocol.MarkBrokerFlat(Symbol, "not held at the broker"),
            new PositionProtocol.PositionView(stateV1, new MarketQuote(Symbol, 7.1, 7.2, null, At), At),
            new PositionProtocol.CommandAccepted(Symbol, stateV1),
            new PositionProtocol.CommandRefused(Symbol, "position is closed"),
            intent,
            new GatewayEvents.IntentQueued(intent, At),
            new GatewayEvents.SubmissionStarted(intent.IntentId, At),
            new GatewayEvents.OrderAccepted(intent.IntentId, "61e69015-8549-4bfd-b9c3-01e75843f47d", At),
            new GatewayEvents.IntentRefused(intent.IntentId, ["SymbolNotHeld", "QuantityAboveHeld"], "SymbolNotHeld: …; QuantityAboveHeld: …", At),
            new GatewayEvents.OrderFinished(intent.IntentId, BrokerOrderStatus.Filled, "filled", 2, 7.27m, At),
            new GatewayEvents.GatewayHalted("broker incident", "ops@desk", At),
            new GatewayEvents.GatewayResumed("ops@desk", At),
            new GatewaySnapshotV1([record], [], true, "broker incident"),
            new GatewayProtocol.CloseAccepted(intent.IntentId),
            new GatewayProtocol.Halt("broker incident", "ops@desk"),
            new GatewayProtocol.Resume("ops@desk"),
            GatewayProtocol.GetStatus.Instance,
            new GatewayProtocol.GatewayStatus(true, "broker incident", 0, false, [record]),
            new PriceFeedProtocol.Watch([watched]),
            PriceFeedProtocol.GetFeedStatus.Instance,
            new PriceFeedProtocol.PriceFeedStatus(1, [Symbol], [Symbol], 42, At, "HTTP 503: service unavailable"),
            new ReconcilerEvents.PositionTracked(Symbol, Symbol, At),
            new ReconcilerEvents.PositionReleased(Symbol, "marked flat: the broker no longer holds it", At),
            new ReconcilerSnapshot([new TrackedPosition(Symbol, Symbol)]),
            ReconcilerProtocol.ReconcileNow.Instance,
            new ReconcilerProtocol.ReconcileCompleted(At, 4, [Symbol], ["AAPL260220C00250000"], [alert], null),
            ReconcilerProtocol.GetAlerts.Instance,
            new ReconcilerProtocol.AlertList([alert]),
            ReconcilerProtocol.GetWatched.Instance,
            NodeInfoProtocol.GetNodeInfo.Instance,
            new NodeInfoProtocol.NodeInfoV1("akka.tcp://position-manager@10.0.3.7:4053", "1.0.0", "4a5c9b9f4daaa55771192612398528480d292e6c", At),

            // Appended after the golden file's first version: new samples go last, so old lines stay as written.
            new PositionProtocol.Closed(Symbol, "trailing stop"),
            new GatewaySnapshot([record], [], [record.IntentId], true, "broker incident"),
            new NodeInfoProtocol.NodeInfo("akka.tcp://position-manager@10.0.3.7:4053", "1.0.1", "4a5c9b9f4daaa55771192612398528480d292e6c", At, new TradingBroker(BrokerKind.Other, "10.0.3.9:5080")),

            // Policy rules: the position journals its rule and underlying (v1 of each is read above).
            opened,
            new PolicyChanged(Policy, 6.525m, true, At, "megacaps", Reapplied: true, UnderlyingSymbol: "GOOGL"),
            state,
            new PositionProtocol.ReapplyPolicy(Symbol, "megacaps", Policy, "GOOGL"),

            // Cancel-and-replace of a retry limit the market fell through.
            new GatewayProtocol.CancelExit(intent.IntentId, Symbol, intent.ExitSequence),
        ];
    }

    /// <summary>The snapshot a node of the first version saved of the same state.</summary>
    public static PositionSnapshotV1 SnapshotV1(PositionState state) => new()
    {
        PositionId = state.PositionId,
        Status = state.Status,
        Symbol = state.Symbol,
        Side = state.Side,
        Quantity = state.Quantity,
        OriginalQuantity = state.OriginalQuantity,
        EntryPrice = state.EntryPrice,
        Policy = state.Policy,
        Peak = state.Peak,
        Stop = state.Stop,
        TrailArmed = state.TrailArmed,
        PendingExit = state.PendingExit,
        NextExitSequence = state.NextExitSequence,
        ScaleOutsDone = state.ScaleOutsDone,
        ConsecutiveRejections = state.ConsecutiveRejections,
        RetryNotBefore = state.RetryNotBefore,
        OpenedAt = state.OpenedAt,
        ClosedReason = state.ClosedReason,
    };
}
