namespace PositionManager.Alpaca.Wire;

/// <summary>
/// One entry of Alpaca's calendar: <c>date</c> as YYYY-MM-DD, <c>open</c> and <c>close</c> as
/// New York wall times "HH:MM"; <c>session_open</c> and <c>session_close</c> (the extended-hours
/// day) appear as "HHMM" in Alpaca's samples. <c>settlement_date</c> is not read.
/// </summary>
internal sealed record CalendarDayJson
{
    public string? Date { get; init; }

    public string? Open { get; init; }

    public string? Close { get; init; }

    public string? SessionOpen { get; init; }

    public string? SessionClose { get; init; }
}
