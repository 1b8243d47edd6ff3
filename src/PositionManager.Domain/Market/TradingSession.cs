namespace PositionManager.Domain.Market;

/// <summary>
/// One trading session: its New York date and the real instants it opens and closes. A half day
/// (the day after Thanksgiving, Christmas Eve) closes early, so its <see cref="Close"/> is 13:00
/// New York, not 16:00.
/// </summary>
public readonly record struct TradingSession(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close)
{
    /// <summary>A session at New York wall-clock times, as Alpaca's <c>/v2/calendar</c> gives them (<c>"09:30"</c>, <c>"13:00"</c>).</summary>
    public static TradingSession AtNewYork(DateOnly date, TimeOnly open, TimeOnly close) =>
        new(date, NewYorkTime.At(date, open), NewYorkTime.At(date, close));

    public bool Contains(DateTimeOffset instant) => instant >= Open && instant < Close;
}
