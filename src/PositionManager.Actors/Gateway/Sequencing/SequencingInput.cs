using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>What just happened to the intent in hand: its turn came, or the broker answered the step it was at.</summary>
public abstract record SequencingInput
{
    /// <summary>
    /// The intent's turn in the outbox (taken up first, or again after a hold). <paramref name="CheckedRequest"/>:
    /// for an intent journaled "submitting" with a crowd on the shared read, the request that read passed, while it still holds for the symbol.
    /// </summary>
    public sealed record Turn(OrderRequest? CheckedRequest = null) : SequencingInput;

    /// <summary>The read of the broker's position failed: nothing was sent.</summary>
    public sealed record ReadFailed(BrokerFailure Failure) : SequencingInput;

    /// <summary>OrderRules' verdict on the broker's position as read for this intent (invariant 4).</summary>
    public sealed record RulesChecked(OrderCheck Check) : SequencingInput;

    public sealed record SubmitAnswer(BrokerResult<BrokerOrder> Result) : SequencingInput;

    /// <summary>The lookup by client_order_id of an intent that may be at the broker.</summary>
    public sealed record LookupAnswer(BrokerResult<BrokerOrder?> Result) : SequencingInput;

    /// <summary>The lookup by client_order_id made before refusing an intent the rules refused.</summary>
    public sealed record RefusalLookupAnswer(IReadOnlyList<RuleViolation> Violations, BrokerResult<BrokerOrder?> Result) : SequencingInput;
}
