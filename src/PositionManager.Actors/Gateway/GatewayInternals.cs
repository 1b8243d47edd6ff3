using Akka.Actor;
using PositionManager.Actors.Gateway.Sequencing;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway;

/// <summary>Messages the gateway sends itself (answers of its broker calls, timers, the stream); never serialized.</summary>
internal static class GatewayInternals
{
    public sealed record PositionRead(string IntentId, BrokerResult<BrokerPositionView?> Result) : INoSerializationVerificationNeeded;

    /// <summary>The shared read of every position, sent at <paramref name="SentAt"/> after answer <paramref name="Mark"/> (BatchPositionRead).</summary>
    public sealed record PositionsListed(string IntentId, BrokerResult<IReadOnlyList<BrokerPosition>> Result, DateTimeOffset SentAt, long Mark) : INoSerializationVerificationNeeded;

    public sealed record SubmitAnswered(string IntentId, OrderRequest Request, BrokerResult<BrokerOrder> Result) : INoSerializationVerificationNeeded;

    public sealed record LookupAnswered(string IntentId, BrokerResult<BrokerOrder?> Result) : INoSerializationVerificationNeeded;

    /// <summary>The client_order_id looked up before refusing an intent the rules refused.</summary>
    public sealed record RefusalLookupAnswered(string IntentId, IReadOnlyList<RuleViolation> Violations, BrokerResult<BrokerOrder?> Result) : INoSerializationVerificationNeeded;

    public sealed record PollAnswered(string IntentId, BrokerResult<BrokerOrder?> Result) : INoSerializationVerificationNeeded;

    /// <summary>The wait an <see cref="OutboxStep.RetryAt"/> asked for is over: <paramref name="Then"/> is the step it waited to take.</summary>
    public sealed record RetryDue(string IntentId, OutboxStep Then) : INoSerializationVerificationNeeded;

    /// <summary>An intent being checked before it is journaled, and who waits for its acknowledgement.</summary>
    public sealed record Unjournaled(IntentRecord Record, IActorRef ReplyTo);

    public sealed class WorkNext : INoSerializationVerificationNeeded
    {
        public static readonly WorkNext Instance = new();
    }

    /// <summary>Intents are held while the market is closed: look again whether it has opened.</summary>
    public sealed class MarketMayHaveOpened : INoSerializationVerificationNeeded
    {
        public static readonly MarketMayHaveOpened Instance = new();
    }

    public sealed class PollOpenOrders : INoSerializationVerificationNeeded
    {
        public static readonly PollOpenOrders Instance = new();
    }

    /// <summary>A poll failed: the open orders are polled again, whether or not the stream listens.</summary>
    public sealed class RetryFailedPoll : INoSerializationVerificationNeeded
    {
        public static readonly RetryFailedPoll Instance = new();
    }

    public sealed class StreamListening : INoSerializationVerificationNeeded
    {
        public static readonly StreamListening Instance = new();
    }

    /// <summary>The order as a submit or lookup answered it, looked at once its acceptance is journaled.</summary>
    public sealed record BrokerOrderSeen(BrokerOrder Order) : INoSerializationVerificationNeeded;

    public sealed record StreamDown(string Reason) : INoSerializationVerificationNeeded;

    public sealed record StreamUpdate(TradeUpdate Update) : INoSerializationVerificationNeeded;
}
