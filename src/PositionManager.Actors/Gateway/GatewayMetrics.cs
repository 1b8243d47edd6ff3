using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Gateway;

/// <summary>The gateway's counters, on a System.Diagnostics.Meter that the node exports to Prometheus.</summary>
public static class GatewayMetrics
{
    public const string MeterName = "PositionManager.Gateway";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Intents refused, one count per violated rule (tag <c>rule</c>).</summary>
    public static readonly Counter<long> RuleRejections = Meter.CreateCounter<long>("pm_gateway_rule_rejections_total");

    public static readonly Counter<long> OrdersSubmitted = Meter.CreateCounter<long>("pm_gateway_orders_submitted_total");

    public static readonly Counter<long> BrokerFailures = Meter.CreateCounter<long>("pm_gateway_broker_failures_total");
}
