using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Reconciliation;

/// <summary>The reconciler's counters, on a System.Diagnostics.Meter that the node exports.</summary>
public static class ReconcilerMetrics
{
    public const string MeterName = "PositionManager.Reconciliation";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Alerts raised (a condition first seen, or changed), tag <c>kind</c>.</summary>
    public static readonly Counter<long> Alerts = Meter.CreateCounter<long>("pm_reconciler_alerts_total");

    public static readonly Counter<long> QuantityDrift = Meter.CreateCounter<long>("pm_reconciler_quantity_drift_total");

    public static readonly Counter<long> Adopted = Meter.CreateCounter<long>("pm_reconciler_adopted_total");

    public static readonly Counter<long> MarkedFlat = Meter.CreateCounter<long>("pm_reconciler_marked_flat_total");

    public static readonly Counter<long> PassFailures = Meter.CreateCounter<long>("pm_reconciler_pass_failures_total");
}
