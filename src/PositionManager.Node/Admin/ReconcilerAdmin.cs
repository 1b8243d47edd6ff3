using Akka.Actor;
using PositionManager.Actors.Reconciliation;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>alerts</c> and <c>reconcile now</c>, through the reconciler singleton's proxy.</summary>
internal sealed class ReconcilerAdmin(IActorRef reconciler, AdminTimeouts timeouts)
{
    private const string Who = "the reconciler";

    public async Task<IReadOnlyList<AlertView>> Alerts()
    {
        var list = await Asks.Ask<ReconcilerProtocol.AlertList>(reconciler, ReconcilerProtocol.GetAlerts.Instance, timeouts.Query, Who);
        return [.. list.Alerts.Select(View)];
    }

    public async Task<ReconcileView> ReconcileNow()
    {
        var done = await Asks.Ask<ReconcilerProtocol.ReconcileCompleted>(reconciler, ReconcilerProtocol.ReconcileNow.Instance, timeouts.Reconcile, Who);
        return new ReconcileView(done.At, done.BrokerPositions, done.Adopted, done.MarkedFlat, [.. done.Alerts.Select(View)], done.Failure);
    }

    private static AlertView View(ReconcilerAlert alert) =>
        new(alert.Kind.ToString(), alert.Symbol, alert.Message, alert.FirstSeenAt, alert.LastSeenAt);
}
