using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Positions;

/// <summary>What a command or tick decided: events to journal, or why nothing happened.</summary>
public sealed record Decision(IReadOnlyList<IPositionEvent> Events, string? Refusal)
{
    public static Decision Nothing { get; } = new([], null);

    public bool IsRefused => Refusal is not null;

    public static Decision Of(params IPositionEvent[] events) => new(events, null);

    public static Decision Refuse(string reason) => new([], reason);
}
