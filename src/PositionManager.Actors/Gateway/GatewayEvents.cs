using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Gateway;

/// <summary>What the gateway journals. Each is applied by <see cref="GatewayState.Apply"/>, live and on recovery alike.</summary>
public interface IGatewayEvent : IPositionManagerMessage;

public static class GatewayEvents
{
    /// <summary>A new close intent entered the outbox (before it was acknowledged to its position).</summary>
    public sealed record IntentQueued(GatewayProtocol.SubmitClose Intent, DateTimeOffset At) : IGatewayEvent;

    /// <summary>Journaled BEFORE the order's HTTP call: from here on the order may exist at the broker.</summary>
    public sealed record SubmissionStarted(string IntentId, DateTimeOffset At) : IGatewayEvent;

    public sealed record OrderAccepted(string IntentId, string BrokerOrderId, DateTimeOffset At) : IGatewayEvent;

    /// <summary>Never sent: every violated rule is named (or the broker's own refusal).</summary>
    public sealed record IntentRefused(string IntentId, IReadOnlyList<string> RuleCodes, string Reason, DateTimeOffset At) : IGatewayEvent;

    public sealed record OrderFinished(string IntentId, BrokerOrderStatus Status, string StatusText, int FilledQuantity, decimal? AveragePrice, DateTimeOffset At) : IGatewayEvent;

    public sealed record GatewayHalted(string Reason, string RequestedBy, DateTimeOffset At) : IGatewayEvent;

    public sealed record GatewayResumed(string RequestedBy, DateTimeOffset At) : IGatewayEvent;
}
