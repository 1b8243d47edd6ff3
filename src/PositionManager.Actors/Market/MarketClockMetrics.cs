using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Market;

/// <summary>The market clock's instruments, on the meter the node exports (<c>pm_…</c>).</summary>
public static class MarketClockMetrics
{
    private static readonly Meter Meter = new(MetricsMeter.Name);

    /// <summary>Reads of the broker's clock or calendar that failed (tag <c>read</c>: <c>clock</c> or <c>calendar</c>).</summary>
    public static readonly Counter<long> ReadFailures = Meter.CreateCounter<long>("market_clock_read_failures_total");

    private static int _unreadable;

    /// <summary>1 while this node's last read of the market clock failed (or none has answered yet).</summary>
    public static readonly ObservableGauge<int> Unreadable = Meter.CreateObservableGauge("market_clock_unreadable", () => Volatile.Read(ref _unreadable));

    internal static void Publish(MarketClockCondition condition) =>
        Volatile.Write(ref _unreadable, condition == MarketClockCondition.Readable ? 0 : 1);
}
