using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions.Events;

/// <summary><see cref="PolicyChanged"/> as journaled before policy rules: read, never written; always a change by hand.</summary>
public sealed record PolicyChangedV1(ExitPolicy Policy, decimal? Stop, bool TrailArmed, DateTimeOffset At) : IPositionEvent
{
    public PolicyChanged Upgrade() => new(Policy, Stop, TrailArmed, At);
}
