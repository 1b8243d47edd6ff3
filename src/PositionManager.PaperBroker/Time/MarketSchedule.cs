using System.Collections.Immutable;
using System.Globalization;

namespace PositionManager.PaperBroker.Time;

/// <summary>
/// Which market the broker simulates. <see cref="AlwaysOpen"/> (the demo): open at every instant.
/// Otherwise regular weekday sessions, 09:30-16:00 New York, with no session on the
/// <see cref="Holidays"/> and a 13:00 close on the <see cref="EarlyCloses"/>. No holiday is built in:
/// a test names the ones it needs.
/// </summary>
public sealed record MarketSchedule(bool AlwaysOpen, ImmutableSortedSet<DateOnly> Holidays, ImmutableSortedSet<DateOnly> EarlyCloses)
{
    public static MarketSchedule Create(bool alwaysOpen, IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? earlyCloses = null) =>
        new(alwaysOpen, [.. holidays ?? []], [.. earlyCloses ?? []]);

    /// <summary>
    /// Why this schedule cannot be simulated, or null. Holidays and early closes are weekdays (a
    /// weekend has no session to cancel or shorten), and a day is not both.
    /// </summary>
    public string? Problem() =>
        Holidays.Where(IsWeekend).Select(d => $"holiday {Text(d)} is a {d.DayOfWeek}: weekends have no session to close").FirstOrDefault()
        ?? EarlyCloses.Where(IsWeekend).Select(d => $"early close {Text(d)} is a {d.DayOfWeek}: weekends have no session to shorten").FirstOrDefault()
        ?? EarlyCloses.Where(Holidays.Contains).Select(d => $"{Text(d)} is both a holiday and an early close").FirstOrDefault();

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
