namespace PositionManager.Actors.Gateway;

/// <summary>
/// A gateway event once journaled, with the intent it concerns, published on the event stream of
/// the node that runs the gateway (notifications, the console). One per order step, never per tick;
/// local only: nothing sends it to another node.
/// </summary>
public sealed record GatewayNotice(IGatewayEvent Event, IntentRecord? Intent)
{
    public static string? IntentIdOf(IGatewayEvent change) => change switch
    {
        GatewayEvents.IntentQueued e => e.Intent.IntentId,
        GatewayEvents.SubmissionStarted e => e.IntentId,
        GatewayEvents.OrderAccepted e => e.IntentId,
        GatewayEvents.IntentRefused e => e.IntentId,
        GatewayEvents.OrderFinished e => e.IntentId,
        _ => null,
    };
}
