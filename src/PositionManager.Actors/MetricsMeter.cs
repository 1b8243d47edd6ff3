namespace PositionManager.Actors;

/// <summary>
/// The one meter name of every instrument of ours. Prometheus exporters name a series
/// <c>&lt;meter&gt;_&lt;instrument&gt;</c>, so "pm" plus <c>gateway_queue_depth</c> is exported as
/// <c>pm_gateway_queue_depth</c>.
/// </summary>
public static class MetricsMeter
{
    public const string Name = "pm";
}
