using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>The one thing the gateway does next for the intent in hand.</summary>
public abstract record OutboxStep
{
    /// <summary>
    /// Read the broker's position in the intent's symbol and run OrderRules on it. <paramref name="MayShare"/>:
    /// a crowd's shared <c>GET /v2/positions</c> may serve (a first check); else the one-symbol read (every check after a failure or a wait).
    /// </summary>
    public sealed record ReadPosition(bool MayShare) : OutboxStep;

    /// <summary>Journal "submitting" if it is not yet, then send the request the rules produced, under the intent's client_order_id.</summary>
    public sealed record Submit(OrderRequest Request) : OutboxStep;

    /// <summary>Ask the broker for the order by client_order_id; <paramref name="BeforeRefusing"/>: the rules refused it, and the refusal waits on the answer.</summary>
    public sealed record LookUp(string ClientOrderId, IReadOnlyList<RuleViolation>? BeforeRefusing = null) : OutboxStep;

    /// <summary>Wait until <paramref name="At"/>, then do <paramref name="Then"/>.</summary>
    public sealed record RetryAt(DateTimeOffset At, OutboxStep Then) : OutboxStep;

    /// <summary>The market is closed: the intent stays in the outbox until it opens.</summary>
    public sealed record Hold : OutboxStep
    {
        public static readonly Hold Instance = new();
    }

    /// <summary>Journal the refusal, naming every rule (or the broker's own words), and tell the position.</summary>
    public sealed record Refuse(IReadOnlyList<string> Codes, string Reason) : OutboxStep;

    /// <summary>The order is at the broker: journal its acceptance and take up the next intent.</summary>
    public sealed record Done(BrokerOrder Order) : OutboxStep;
}
