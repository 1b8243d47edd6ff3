using System.Diagnostics.Metrics;
using PositionManager.Actors;

namespace PositionManager.Node.Notifications;

/// <summary>What became of the notifications of this node, exported as <c>pm_notifications_*</c>.</summary>
internal static class NotificationMetrics
{
    private static readonly Meter Meter = new(MetricsMeter.Name);

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("notifications_delivered_total");

    /// <summary>Failed attempts: each is retried, so a count here is not a loss.</summary>
    public static readonly Counter<long> FailedDeliveries = Meter.CreateCounter<long>("notifications_failed_deliveries_total");

    /// <summary>Notifications lost because the queue was full (the oldest goes): the only loss there is.</summary>
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("notifications_dropped_total");
}
