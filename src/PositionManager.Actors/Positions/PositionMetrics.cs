using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Positions;

/// <summary>Position counters on a System.Diagnostics.Meter that the node exports to Prometheus.</summary>
public static class PositionMetrics
{
    public const string MeterName = "PositionManager.Positions";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Refused closes past the alert threshold: a position the system could not get out of.</summary>
    public static readonly Counter<long> RejectionAlerts = Meter.CreateCounter<long>("pm_position_close_rejection_alerts_total");
}
