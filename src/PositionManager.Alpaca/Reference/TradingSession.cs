namespace PositionManager.Alpaca.Reference;

/// <summary>
/// One trading day of the calendar, its New York wall times made real instants (with New York's
/// offset on that date, so daylight saving is accounted for). <see cref="Open"/> and
/// <see cref="Close"/> are the regular session, the one options trade in; <see cref="Close"/> is
/// 13:00 on an early-close day.
/// </summary>
/// <param name="ExtendedHoursOpen">Alpaca's <c>session_open</c> (04:00 in its samples): the extended-hours day, not the options session. Absent when the answer has none.</param>
/// <param name="ExtendedHoursClose">Alpaca's <c>session_close</c> (20:00 in its samples); absent when the answer has none.</param>
public sealed record TradingSession(
    DateOnly Date,
    DateTimeOffset Open,
    DateTimeOffset Close,
    DateTimeOffset? ExtendedHoursOpen,
    DateTimeOffset? ExtendedHoursClose)
{
    /// <summary>Whether <paramref name="instant"/> falls in the regular session: from the open, up to (not at) the close.</summary>
    public bool IsOpenAt(DateTimeOffset instant) => instant >= Open && instant < Close;
}
