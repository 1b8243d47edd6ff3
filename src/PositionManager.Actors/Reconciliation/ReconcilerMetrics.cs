using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Reconciliation;

/// <summary>The reconciler's counters, on a System.Diagnostics.Meter that the node exports.</summary>
public static class ReconcilerMetrics
{
    public const string MeterName = MetricsMeter.Name;

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Alerts raised (a condition first seen, or changed), tag <c>kind</c>.</summary>
    public static readonly Counter<long> Alerts = Meter.CreateCounter<long>("reconciler_alerts_total");

    public static readonly Counter<long> QuantityDrift = Meter.CreateCounter<long>("reconciler_quantity_drift_total");

    public static readonly Counter<long> Adopted = Meter.CreateCounter<long>("reconciler_adopted_total");

    public static readonly Counter<long> MarkedFlat = Meter.CreateCounter<long>("reconciler_marked_flat_total");

    /// <summary>Contract reads at adoption that failed; each defers one adoption to the next pass.</summary>
    public static readonly Counter<long> ContractLookupFailures = Meter.CreateCounter<long>("reconciler_contract_lookup_failures_total");

    public static readonly Counter<long> PassFailures = Meter.CreateCounter<long>("reconciler_pass_failures_total");

    private static int _active;

    /// <summary>Alerts that hold now (on the node running the reconciler): the number an operator wants at zero.</summary>
    public static readonly ObservableGauge<int> ActiveAlerts = Meter.CreateObservableGauge("reconciler_active_alerts", () => Volatile.Read(ref _active));

    internal static void PublishActive(int active) => Volatile.Write(ref _active, active);
}
