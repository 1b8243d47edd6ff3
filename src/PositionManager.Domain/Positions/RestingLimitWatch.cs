namespace PositionManager.Domain.Positions;

/// <summary>
/// Since when the watched price has stayed through the limit of exit <see cref="ExitSequence"/>,
/// and when a sane quote last showed it there. Kept in memory only: a restarted position starts
/// watching again from its first quote, which at worst delays a cancel by one rest period.
/// </summary>
public sealed record RestingLimitWatch(int ExitSequence, DateTimeOffset ThroughSince, DateTimeOffset LastSeenAt);
