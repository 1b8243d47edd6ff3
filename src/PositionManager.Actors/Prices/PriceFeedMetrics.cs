using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Prices;

/// <summary>The feed's counters, on a System.Diagnostics.Meter that the node exports.</summary>
public static class PriceFeedMetrics
{
    public const string MeterName = MetricsMeter.Name;

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Quotes that failed the Domain's sanity checks and reached no position (tag <c>problem</c>).</summary>
    public static readonly Counter<long> QuotesDropped = Meter.CreateCounter<long>("pricefeed_quotes_dropped_total");

    /// <summary>A symbol went without a usable quote for longer than the maximum quote age.</summary>
    public static readonly Counter<long> StaleSymbols = Meter.CreateCounter<long>("pricefeed_stale_symbols_total");

    public static readonly Counter<long> TicksForwarded = Meter.CreateCounter<long>("pricefeed_ticks_forwarded_total");

    public static readonly Counter<long> PollFailures = Meter.CreateCounter<long>("pricefeed_poll_failures_total");

    /// <summary>Quotes that arrived over the quote stream (before the sanity checks).</summary>
    public static readonly Counter<long> QuotesStreamed = Meter.CreateCounter<long>("pricefeed_quotes_streamed_total");

    /// <summary>The quote stream went down (dropped, refused, unreachable): polling covers every symbol until it is back.</summary>
    public static readonly Counter<long> StreamDisconnects = Meter.CreateCounter<long>("pricefeed_stream_disconnects_total");
}
