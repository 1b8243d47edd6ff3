using System.Text.Json.Serialization;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Positions;

/// <summary>
/// Everything one position knows, rebuilt from its events by <see cref="Apply"/> alone, so recovery
/// gives back exactly the peak, stop, quantity and pending exit that were journaled.
/// </summary>
public sealed record PositionState
{
    public required string PositionId { get; init; }

    public PositionStatus Status { get; init; } = PositionStatus.New;

    public OptionSymbol? Symbol { get; init; }

    public PositionSide Side { get; init; }

    public int Quantity { get; init; }

    public int OriginalQuantity { get; init; }

    public decimal EntryPrice { get; init; }

    public ExitPolicy Policy { get; init; } = ExitPolicy.None;

    /// <summary>The policy rule the position came from (adoption or the last re-application); null only before it opened.</summary>
    public string? RuleName { get; init; }

    /// <summary>The broker's underlying of the contract; null when unknown (the broker knew no such contract, or opened before rules).</summary>
    public string? UnderlyingSymbol { get; init; }

    /// <summary>The best price seen: the peak of a long, the trough of a short. Starts at entry.</summary>
    public decimal Peak { get; init; }

    public decimal? Stop { get; init; }

    public bool TrailArmed { get; init; }

    public PendingExit? PendingExit { get; init; }

    public int NextExitSequence { get; init; } = 1;

    /// <summary>Bit i set: scale-out target i has filled (at least partly) and never fires again.</summary>
    public int ScaleOutsDone { get; init; }

    public int ConsecutiveRejections { get; init; }

    /// <summary>After a refused close, no exit fires before this (see <see cref="RejectionBackoff"/>).</summary>
    public DateTimeOffset? RetryNotBefore { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public string? ClosedReason { get; init; }

    [JsonIgnore]
    public bool IsOpen => Status == PositionStatus.Open;

    public static PositionState New(string positionId) => new() { PositionId = positionId };

    public bool IsScaleOutDone(int index) => (ScaleOutsDone & (1 << index)) != 0;

    /// <summary>The order that closes this position: sell a long, buy back a short.</summary>
    [JsonIgnore]
    public PositionIntent ClosingIntent => Side == PositionSide.Long ? PositionIntent.SellToClose : PositionIntent.BuyToClose;

    [JsonIgnore]
    public OrderSide ClosingSide => Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;

    public PositionState Apply(IPositionEvent change) => change switch
    {
        PositionOpened e => Opened(e),
        PositionOpenedV1 e => Opened(e.Upgrade()),
        PeakRaised e => this with { Peak = e.Peak, Stop = e.Stop, TrailArmed = e.TrailArmed },
        PolicyChanged e => this with
        {
            Policy = e.Policy,
            Stop = e.Stop,
            TrailArmed = e.TrailArmed,
            RuleName = e.RuleName ?? RuleName,
            UnderlyingSymbol = e.UnderlyingSymbol ?? UnderlyingSymbol,
        },
        PolicyChangedV1 e => Apply(e.Upgrade()),
        ExitTriggered e => this with
        {
            PendingExit = new PendingExit(e.ExitSequence, e.Reason, e.Quantity, 0, e.ScaleOutIndex, e.ClientOrderId, null, e.At, e.LimitPrice),
            NextExitSequence = e.ExitSequence + 1,
        },
        CloseOrderSubmitted e => this with { PendingExit = PendingExit! with { BrokerOrderId = e.BrokerOrderId } },
        CloseOrderRejected e => this with
        {
            PendingExit = null,
            ConsecutiveRejections = ConsecutiveRejections + 1,
            RetryNotBefore = e.At + RejectionBackoff.After(ConsecutiveRejections + 1),
        },
        CloseOrderPartiallyFilled e => Filled(e.CumulativeFilledQuantity) with
        {
            PendingExit = PendingExit! with { FilledQuantity = e.CumulativeFilledQuantity },
        },
        CloseOrderFilled e => Filled(e.CumulativeFilledQuantity) with { PendingExit = null },
        CloseOrderCanceled => this with { PendingExit = null },
        PositionClosed e => this with { Status = PositionStatus.Closed, ClosedReason = e.Reason, PendingExit = null },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown position event"),
    };

    private PositionState Opened(PositionOpened e)
    {
        var armed = e.Policy.Trailing is { } trail && Trail.IsArmed(trail, e.Side, e.EntryPrice, e.EntryPrice);
        // A closed position adopted again starts a new lifecycle: nothing of the old one carries
        // over but its exit numbering, which keeps counting so no exit sequence repeats.
        var lifecycle = Status == PositionStatus.Closed ? New(PositionId) with { NextExitSequence = NextExitSequence } : this;
        return lifecycle with
        {
            Status = PositionStatus.Open,
            Symbol = OptionSymbol.Parse(e.Symbol),
            Side = e.Side,
            Quantity = e.Quantity,
            OriginalQuantity = e.Quantity,
            EntryPrice = e.EntryPrice,
            Policy = e.Policy,
            RuleName = e.RuleName,
            UnderlyingSymbol = e.UnderlyingSymbol,
            Peak = e.EntryPrice,
            TrailArmed = armed,
            Stop = armed ? Trail.StopFor(e.Policy.Trailing!, e.Side, e.EntryPrice, e.EntryPrice) : null,
            OpenedAt = e.At,
        };
    }

    private PositionState Filled(int cumulativeFilled)
    {
        var pending = PendingExit!;
        var newlyFilled = cumulativeFilled - pending.FilledQuantity;
        var scaleOutsDone = pending.ScaleOutIndex is { } index && cumulativeFilled > 0
            ? ScaleOutsDone | (1 << index)
            : ScaleOutsDone;
        return this with
        {
            Quantity = Quantity - newlyFilled,
            ScaleOutsDone = scaleOutsDone,
            ConsecutiveRejections = 0,
            RetryNotBefore = null,
        };
    }
}
