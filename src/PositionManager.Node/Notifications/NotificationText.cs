using System.Globalization;
using Akka.Cluster;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Node.Notifications;

/// <summary>What the gateway, the reconciler and the cluster publish, in the words a person on call reads; null for what nobody needs to hear.</summary>
public static class NotificationText
{
    public static Notification? For(GatewayNotice notice) => notice.Event switch
    {
        GatewayEvents.IntentQueued e => new Notification(
            "exit_triggered",
            NotificationSeverity.Info,
            e.Intent.Symbol,
            $"Exit triggered: {e.Intent.Reason} of {e.Intent.PositionId}, {Intent(e.Intent.Intent)} {e.Intent.Quantity} {e.Intent.Symbol}{Price(" at", e.Intent.TriggerPrice)} (client order id {e.Intent.IntentId})",
            e.At),
        GatewayEvents.IntentRefused e => new Notification(
            "close_refused",
            NotificationSeverity.Critical,
            notice.Intent?.Intent.Symbol,
            $"Close refused: {Subject(notice)}: {string.Join(", ", e.RuleCodes)}: {e.Reason} (client order id {e.IntentId})",
            e.At),
        GatewayEvents.OrderFinished { Status: BrokerOrderStatus.Filled } e => new Notification(
            "order_filled",
            NotificationSeverity.Info,
            notice.Intent?.Intent.Symbol,
            $"Order filled: {Subject(notice)}: {e.FilledQuantity}{Price(" at", e.AveragePrice)} (client order id {e.IntentId})",
            e.At),
        GatewayEvents.OrderFinished e => new Notification(
            "order_ended",
            NotificationSeverity.Warning,
            notice.Intent?.Intent.Symbol,
            $"Order ended {e.StatusText} with {e.FilledQuantity} filled: {Subject(notice)} (client order id {e.IntentId})",
            e.At),
        GatewayEvents.GatewayHalted e => new Notification(
            "gateway_halted",
            NotificationSeverity.Warning,
            null,
            $"Gateway HALTED by {e.RequestedBy}: {e.Reason}. No order is sent until it is resumed.",
            e.At),
        GatewayEvents.GatewayResumed e => new Notification(
            "gateway_resumed",
            NotificationSeverity.Info,
            null,
            $"Gateway resumed by {e.RequestedBy}: orders are sent again.",
            e.At),
        _ => null,
    };

    public static Notification For(AlertRaised raised)
    {
        var alert = raised.Alert;
        var severity = alert.Kind switch
        {
            AlertKind.UnmanagedShort or AlertKind.SideMismatch => NotificationSeverity.Critical,
            _ => NotificationSeverity.Warning,
        };
        return new Notification($"alert_{Snake(alert.Kind.ToString())}", severity, alert.Symbol, $"Reconciler alert {alert.Kind}: {alert.Message}", alert.LastSeenAt);
    }

    public static Notification? For(ClusterEvent.IMemberEvent change, DateTimeOffset now) => change switch
    {
        ClusterEvent.MemberUp up => new Notification("member_joined", NotificationSeverity.Info, null, $"Member joined: {up.Member.Address} is Up", now),
        ClusterEvent.MemberRemoved removed => new Notification("member_left", NotificationSeverity.Warning, null, $"Member left: {removed.Member.Address} was removed (it was {removed.PreviousStatus})", now),
        _ => null,
    };

    private static string Subject(GatewayNotice notice) => notice.Intent is { } record
        ? $"{Intent(record.Intent.Intent)} {record.Intent.Quantity} {record.Intent.Symbol} ({record.Intent.Reason} of {record.Intent.PositionId})"
        : "an intent the gateway no longer remembers";

    private static string Intent(Domain.Orders.PositionIntent intent) => Snake(intent.ToString());

    private static string Price(string prefix, decimal? price) =>
        price is { } value ? $"{prefix} {value.ToString("0.00##", CultureInfo.InvariantCulture)}" : string.Empty;

    /// <summary><c>UnmanagedShort</c> as <c>unmanaged_short</c>, <c>SellToClose</c> as <c>sell_to_close</c>: as Alpaca spells intents.</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
