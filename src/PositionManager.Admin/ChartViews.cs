namespace PositionManager.Admin;

/// <summary>
/// What a position's chart draws: its watched price, peak and stop over time (the journal's changes
/// plus the recent samples the answering node keeps in memory), and its exits and fills as marks.
/// </summary>
/// <param name="PriceSource">The price the position watches: bid, mid or last.</param>
public sealed record PositionChartView(string PositionId, string PriceSource, IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartMark> Marks);

/// <param name="Price">The watched price at that moment; null at a journal change with no quote sampled.</param>
public sealed record ChartPoint(DateTimeOffset At, decimal? Price, decimal Peak, decimal? Stop);

/// <param name="Kind"><c>exit</c> (the trigger price), <c>fill</c> (the average fill price) or <c>refused</c>.</param>
public sealed record ChartMark(DateTimeOffset At, string Kind, decimal? Price, string Text);
