using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Positions;

/// <summary>Position counters on a System.Diagnostics.Meter that the node exports to Prometheus.</summary>
public static class PositionMetrics
{
    public const string MeterName = MetricsMeter.Name;

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Refused closes past the alert threshold: a position the system could not get out of.</summary>
    private static long _open;

    /// <summary>
    /// Open positions running on this node (they move with their shards). Observed from a count
    /// rather than an up-down counter: a listener that starts late would miss the increments.
    /// </summary>
    public static readonly ObservableGauge<long> OpenPositions = Meter.CreateObservableGauge("positions_open", () => Interlocked.Read(ref _open));

    /// <summary>Exits triggered, by reason (tag <c>reason</c>): each one is a close intent sent to the gateway.</summary>
    public static readonly Counter<long> Exits = Meter.CreateCounter<long>("position_exits_total");

    public static readonly Counter<long> RejectionAlerts = Meter.CreateCounter<long>("position_close_rejection_alerts_total");

    /// <summary>Cancels asked for a retry limit the market fell through (RestingLimit); each is followed by a re-priced exit.</summary>
    public static readonly Counter<long> RestingLimitCancels = Meter.CreateCounter<long>("position_resting_limit_cancels_total");

    internal static void CountOpen(int change) => Interlocked.Add(ref _open, change);
}
