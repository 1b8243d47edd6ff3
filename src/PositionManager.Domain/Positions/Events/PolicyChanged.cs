using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions.Events;

public sealed record PolicyChanged(ExitPolicy Policy, decimal? Stop, bool TrailArmed, DateTimeOffset At) : IPositionEvent;
