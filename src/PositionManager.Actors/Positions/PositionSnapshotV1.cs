using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Symbols;

namespace PositionManager.Actors.Positions;

/// <summary>
/// A position's snapshot as saved before policy rules (<c>PositionSnapshot.v1</c>): read, never
/// written. Its properties are <see cref="PositionState"/>'s of that version, in the same order.
/// It recovers as <see cref="PositionOpenedV1"/> does: from the default rule, underlying unknown.
/// </summary>
public sealed record PositionSnapshotV1 : IPositionManagerMessage
{
    public required string PositionId { get; init; }

    public PositionStatus Status { get; init; } = PositionStatus.New;

    public OptionSymbol? Symbol { get; init; }

    public PositionSide Side { get; init; }

    public int Quantity { get; init; }

    public int OriginalQuantity { get; init; }

    public decimal EntryPrice { get; init; }

    public ExitPolicy Policy { get; init; } = ExitPolicy.None;

    public decimal Peak { get; init; }

    public decimal? Stop { get; init; }

    public bool TrailArmed { get; init; }

    public PendingExit? PendingExit { get; init; }

    public int NextExitSequence { get; init; } = 1;

    public int ScaleOutsDone { get; init; }

    public int ConsecutiveRejections { get; init; }

    public DateTimeOffset? RetryNotBefore { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public string? ClosedReason { get; init; }

    public PositionState ToState() => new()
    {
        PositionId = PositionId,
        Status = Status,
        Symbol = Symbol,
        Side = Side,
        Quantity = Quantity,
        OriginalQuantity = OriginalQuantity,
        EntryPrice = EntryPrice,
        Policy = Policy,
        RuleName = Status == PositionStatus.New ? null : PolicyBook.DefaultName,
        UnderlyingSymbol = null,
        Peak = Peak,
        Stop = Stop,
        TrailArmed = TrailArmed,
        PendingExit = PendingExit,
        NextExitSequence = NextExitSequence,
        ScaleOutsDone = ScaleOutsDone,
        ConsecutiveRejections = ConsecutiveRejections,
        RetryNotBefore = RetryNotBefore,
        OpenedAt = OpenedAt,
        ClosedReason = ClosedReason,
    };
}
