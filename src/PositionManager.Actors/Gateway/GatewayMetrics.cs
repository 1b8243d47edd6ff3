using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Gateway;

/// <summary>The gateway's counters, on a System.Diagnostics.Meter that the node exports to Prometheus.</summary>
public static class GatewayMetrics
{
    public const string MeterName = MetricsMeter.Name;

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Intents refused, one count per violated rule (tag <c>rule</c>).</summary>
    public static readonly Counter<long> RuleRejections = Meter.CreateCounter<long>("gateway_rule_rejections_total");

    public static readonly Counter<long> OrdersSubmitted = Meter.CreateCounter<long>("gateway_orders_submitted_total");

    public static readonly Counter<long> BrokerFailures = Meter.CreateCounter<long>("gateway_broker_failures_total");

    private static int _queued;
    private static int _halted;

    /// <summary>Intents journaled and not yet at the broker, as the gateway on this node last saw them (0 where it does not run).</summary>
    public static readonly ObservableGauge<int> QueueDepth = Meter.CreateObservableGauge("gateway_queue_depth", () => Volatile.Read(ref _queued));

    /// <summary>1 while the kill switch is on (on the node running the gateway).</summary>
    public static readonly ObservableGauge<int> Halted = Meter.CreateObservableGauge("gateway_halted", () => Volatile.Read(ref _halted));

    internal static void Publish(int queued, bool halted)
    {
        Volatile.Write(ref _queued, queued);
        Volatile.Write(ref _halted, halted ? 1 : 0);
    }
}
