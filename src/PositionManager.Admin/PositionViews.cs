namespace PositionManager.Admin;

/// <summary>One line of <c>positions list</c>.</summary>
/// <param name="Underlying">The broker's underlying read at adoption; the OCC root for a position journaled before it was read.</param>
/// <param name="RuleName">The policy rule the position came from ("default" when none matched, or journaled before rules).</param>
public sealed record PositionSummary(
    string PositionId,
    string Symbol,
    string Underlying,
    string Status,
    string Side,
    int Quantity,
    decimal EntryPrice,
    decimal Peak,
    decimal? Stop,
    decimal? LastPrice,
    string? PendingExit,
    string? RuleName = null);

/// <summary>A position's live state, and why its stop is where it is.</summary>
/// <param name="RuleName">The policy rule the position came from (adoption, or the last <c>policy reapply</c>).</param>
/// <param name="UnderlyingSymbol">The broker's underlying of the contract; null when unknown.</param>
public sealed record PositionDetail(
    PositionSummary Position,
    int OriginalQuantity,
    string Policy,
    PolicyView PolicyValues,
    bool TrailArmed,
    string StopExplanation,
    PendingExitView? PendingExit,
    QuoteView? LastQuote,
    double? LastQuoteAgeSeconds,
    DateTimeOffset? OpenedAt,
    string? ClosedReason,
    int ConsecutiveRejections,
    DateTimeOffset? RetryNotBefore,
    string? RuleName = null,
    string? UnderlyingSymbol = null);

/// <param name="CancelAskedAt">When the position last asked to cancel its resting limit (the market stayed through it); null when it has not.</param>
public sealed record PendingExitView(int ExitSequence, string Reason, int Quantity, int FilledQuantity, string ClientOrderId, string? BrokerOrderId, DateTimeOffset TriggeredAt, decimal? LimitPrice, DateTimeOffset? CancelAskedAt = null);

public sealed record QuoteView(double Bid, double Ask, double? Last, DateTimeOffset QuotedAt, DateTimeOffset ReceivedAt);

/// <summary>
/// The parts of an exit policy an operator sets by hand, named as the settings name them; null
/// leaves a part as it is. Holds are duration text (<c>30m</c>, <c>4h</c>, <c>2d</c>, <c>00:30:00</c>)
/// and scale-outs <c>gain:percent</c> pairs (<c>50:50,75:25</c>), read by the node as its settings
/// are. The parts after <see cref="PriceSource"/> came later: a request without them changes what
/// it did before.
/// </summary>
public sealed record PolicyView(
    decimal? TrailingStopPercent,
    decimal? TrailingStopAmount,
    decimal? TrailingActivationPercent,
    decimal? StopLossPercent,
    decimal? TakeProfitPercent,
    string? PriceSource,
    decimal? TrailingGivebackPercent = null,
    decimal? TrailingActivationPrice = null,
    decimal? RetryLimitOffsetPercent = null,
    string? ScaleOuts = null,
    int? ExitDaysBeforeExpiry = null,
    int? ExitMinutesBeforeCloseOnExpiry = null,
    int? ExitMinutesBeforeClose = null,
    string? MaxHold = null,
    string? MinHold = null)
{
    public static PolicyView Nothing { get; } = new(null, null, null, null, null, null);
}

/// <summary>A policy change: the given parts replace the position's; <see cref="Clear"/> removes parts by name (<see cref="PolicyParts"/>).</summary>
public sealed record PolicyChangeRequest(PolicyView Set, IReadOnlyList<string> Clear);

/// <summary>A position's journal, event by event.</summary>
public sealed record PositionHistoryView(string PositionId, IReadOnlyList<HistoryEntry> Events);

/// <param name="Event">The event's versioned manifest, e.g. <c>PeakRaised.v1</c>.</param>
/// <param name="Details">The event in words.</param>
public sealed record HistoryEntry(long SequenceNr, DateTimeOffset At, string Event, string Details);
