using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Positions;

/// <summary>A message for one position entity; its id routes it through the shard region.</summary>
public interface IPositionCommand : IPositionManagerMessage
{
    string PositionId { get; }
}

public static class PositionProtocol
{
    /// <param name="UnderlyingSymbol">The broker's underlying of the contract; null when it knows none.</param>
    /// <param name="RuleName">The policy rule that gave <paramref name="Policy"/>; null (a sender of the previous version) is the default.</param>
    /// <remarks>
    /// Both are optional and left out of the JSON when null, so an <c>Open</c> of the previous version
    /// reads here unchanged and a node of that version reads this one (ignoring what it does not know)
    /// during a rolling deploy.
    /// </remarks>
    public sealed record Open(
        string PositionId,
        string Symbol,
        PositionSide Side,
        int Quantity,
        decimal EntryPrice,
        ExitPolicy Policy,
        OpenOrigin Origin,
        string? UnderlyingSymbol = null,
        string? RuleName = null) : IPositionCommand
    {
        public OpenPosition ToDomain() => new(Symbol, Side, Quantity, EntryPrice, Policy, Origin, UnderlyingSymbol, RuleName ?? PolicyBook.DefaultName);
    }

    /// <summary>A quote for the position's symbol. Fire and forget: the hot path replies nothing.</summary>
    public sealed record PriceTick(string PositionId, MarketQuote Quote) : IPositionCommand;

    public sealed record GetState(string PositionId) : IPositionCommand;

    public sealed record ChangePolicy(string PositionId, ExitPolicy Policy) : IPositionCommand;

    /// <summary>An operator re-applies the current rules: this rule's policy replaces the position's (<c>pmctl policy reapply --yes</c>).</summary>
    /// <param name="UnderlyingSymbol">The underlying the rules judged; journaled when the position did not know it yet.</param>
    public sealed record ReapplyPolicy(string PositionId, string RuleName, ExitPolicy Policy, string? UnderlyingSymbol) : IPositionCommand;

    public sealed record RequestClose(string PositionId) : IPositionCommand;

    /// <summary>What became of one of this position's close orders.</summary>
    public sealed record ReportOrderOutcome(string PositionId, OrderOutcome Outcome) : IPositionCommand;

    /// <summary>The broker no longer holds the position (closed elsewhere, expired, exercised).</summary>
    public sealed record MarkBrokerFlat(string PositionId, string Reason) : IPositionCommand;

    /// <summary>
    /// A position tells whoever tracks the open ones (the reconciler) that it closed, once the close
    /// is journaled, so the price feed stops pricing it at once instead of at the next pass. At most
    /// once: a lost notice only leaves the release to that pass.
    /// </summary>
    public sealed record Closed(string PositionId, string Reason) : IPositionManagerMessage;

    /// <summary>The position's live view: its journaled state plus the last quote it saw.</summary>
    /// <param name="CancelAskedAt">When the pending exit's resting limit was last asked to be cancelled (in memory, not journaled); null when it was not.</param>
    public sealed record PositionView(PositionState State, MarketQuote? LastQuote, DateTimeOffset? LastQuoteReceivedAt, DateTimeOffset? CancelAskedAt = null) : IPositionManagerMessage;

    public sealed record CommandAccepted(string PositionId, PositionState State) : IPositionManagerMessage;

    public sealed record CommandRefused(string PositionId, string Reason) : IPositionManagerMessage;
}
