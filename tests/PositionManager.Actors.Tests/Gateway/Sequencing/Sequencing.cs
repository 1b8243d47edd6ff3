using PositionManager.Actors.Gateway;
using PositionManager.Actors.Gateway.Sequencing;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Tests.Gateway.Sequencing;

/// <summary>One intent's inputs for <see cref="IntentSequencing.Decide"/>, built the way the gateway would see them.</summary>
internal static class Sequencing
{
    public const string Call = "GOOGL260220C00340000";
    public const string IntentId = "pm-GOOGL260220C00340000-0a1b2c3d-1";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static readonly GatewaySettings Settings = GatewaySettings.Default;

    public static readonly OutboxConditions Open = new(Now, Halted: false, HaltReason: null, MarketOpen: true);

    public static readonly OutboxConditions Closed = Open with { MarketOpen = false };

    public static readonly OutboxConditions Halted = Open with { Halted = true, HaltReason = "drill" };

    public static IntentProgress Queued => IntentProgress.Of(IntentId, IntentStage.Queued);

    /// <summary>Journaled "submitting" before the gateway stopped: a submit may have left.</summary>
    public static IntentProgress Recovered => IntentProgress.Of(IntentId, IntentStage.Submitting);

    /// <summary>A submit is out and unanswered, as after <see cref="IntentSequencing.Decide"/> chose it.</summary>
    public static IntentProgress Sent => new(IntentId, SubmissionStarted: true, MayBeAtBroker: true, FailuresInARow: 0);

    /// <summary>Started, and a lookup since found no order: nothing of it is at the broker.</summary>
    public static IntentProgress StartedNotAtBroker => new(IntentId, SubmissionStarted: true, MayBeAtBroker: false, FailuresInARow: 0);

    public static OrderCheck Passing(string clientOrderId = IntentId) =>
        OrderRules.Check(Draft(clientOrderId), new BrokerPositionView(Call, PositionSide.Long, 10, 10), false);

    public static OrderCheck NotHeld => OrderRules.Check(Draft(IntentId), null, false);

    public static OrderRequest Request(string clientOrderId = IntentId) => Passing(clientOrderId).Request!;

    public static BrokerOrder Order => new("b-1", IntentId, Call, OrderSide.Sell, PositionIntent.SellToClose, 10, 0, null, BrokerOrderStatus.Working, "new", Now);

    public static SequencingDecision Decide(IntentProgress progress, SequencingInput input, OutboxConditions? conditions = null) =>
        IntentSequencing.Decide(progress, input, conditions ?? Open, Settings);

    private static OrderDraft Draft(string clientOrderId) =>
        new(Call, OrderSide.Sell, PositionIntent.SellToClose, 10, OrderType.Market, TimeInForce.Day, null, clientOrderId);
}
