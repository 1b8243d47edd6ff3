namespace PositionManager.Domain.Exits;

/// <summary>
/// Close on the clock, measured against the market's real sessions (a half day closes early and
/// moves every "before the close" with it):
/// <list type="bullet">
/// <item><see cref="MinutesBeforeCloseOnExpiry"/>: from this many minutes before the close of the
/// expiry session (the session on the expiry date, or the last one before it when the market is
/// closed that day);</item>
/// <item><see cref="DaysBeforeExpiry"/>: from this many calendar days before the expiry date (New
/// York dates; 0 is the expiry day from midnight);</item>
/// <item><see cref="MinutesBeforeClose"/>: every session, from this many minutes before its close:
/// a position is not held through a close. It counts from the first session that closes after the
/// position was opened, so one opened after a close is held to the next close, and one opened
/// within the minutes before a close is closed at once;</item>
/// <item><see cref="MaxHold"/>: from this long after the position was opened here
/// (<c>PositionOpened.At</c>): for a position adopted from the broker that is the adoption, as the
/// broker reports no entry time.</item>
/// </list>
/// Like every exit, none fires while the market is closed: a time passed while closed fires on
/// the first evaluation after the open.
/// </summary>
public sealed record TimeExitRule(
    int? MinutesBeforeCloseOnExpiry = null,
    int? DaysBeforeExpiry = null,
    int? MinutesBeforeClose = null,
    TimeSpan? MaxHold = null)
{
    /// <summary>A regular session is 390 minutes (09:30-16:00): no "minutes before the close" may exceed it.</summary>
    public const int MaxMinutesBeforeClose = 390;
}
