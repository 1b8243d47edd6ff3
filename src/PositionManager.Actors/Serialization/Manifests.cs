using System.Collections.Frozen;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Nodes;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Actors.Serialization;

/// <summary>
/// The string manifest of every type we persist or send. A manifest names a version of a shape,
/// not a CLR type: renaming a class keeps its manifest, and changing a shape adds a new version
/// whose old one must still be read (the golden file test holds us to that).
/// </summary>
public static class Manifests
{
    private static readonly (Type Type, string Manifest)[] All =
    [
        (typeof(PositionOpenedV1), "PositionOpened.v1"),
        (typeof(PeakRaised), "PeakRaised.v1"),
        (typeof(PolicyChangedV1), "PolicyChanged.v1"),
        (typeof(ExitTriggered), "ExitTriggered.v1"),
        (typeof(CloseOrderSubmitted), "CloseOrderSubmitted.v1"),
        (typeof(CloseOrderRejected), "CloseOrderRejected.v1"),
        (typeof(CloseOrderPartiallyFilled), "CloseOrderPartiallyFilled.v1"),
        (typeof(CloseOrderFilled), "CloseOrderFilled.v1"),
        (typeof(CloseOrderCanceled), "CloseOrderCanceled.v1"),
        (typeof(PositionClosed), "PositionClosed.v1"),
        (typeof(PositionSnapshotV1), "PositionSnapshot.v1"),
        (typeof(PositionProtocol.Open), "position.Open.v1"),
        (typeof(PositionProtocol.PriceTick), "position.PriceTick.v1"),
        (typeof(PositionProtocol.GetState), "position.GetState.v1"),
        (typeof(PositionProtocol.ChangePolicy), "position.ChangePolicy.v1"),
        (typeof(PositionProtocol.RequestClose), "position.RequestClose.v1"),
        (typeof(PositionProtocol.ReportOrderOutcome), "position.ReportOrderOutcome.v1"),
        (typeof(PositionProtocol.MarkBrokerFlat), "position.MarkBrokerFlat.v1"),
        (typeof(PositionProtocol.PositionView), "position.PositionView.v1"),
        (typeof(PositionProtocol.CommandAccepted), "position.CommandAccepted.v1"),
        (typeof(PositionProtocol.CommandRefused), "position.CommandRefused.v1"),
        (typeof(GatewayProtocol.SubmitClose), "gateway.SubmitClose.v1"),
        (typeof(GatewayEvents.IntentQueued), "gateway.IntentQueued.v1"),
        (typeof(GatewayEvents.SubmissionStarted), "gateway.SubmissionStarted.v1"),
        (typeof(GatewayEvents.OrderAccepted), "gateway.OrderAccepted.v1"),
        (typeof(GatewayEvents.IntentRefused), "gateway.IntentRefused.v1"),
        (typeof(GatewayEvents.OrderFinished), "gateway.OrderFinished.v1"),
        (typeof(GatewayEvents.GatewayHalted), "gateway.GatewayHalted.v1"),
        (typeof(GatewayEvents.GatewayResumed), "gateway.GatewayResumed.v1"),
        (typeof(GatewaySnapshotV1), "gateway.Snapshot.v1"),
        (typeof(GatewayProtocol.CloseAccepted), "gateway.CloseAccepted.v1"),
        (typeof(GatewayProtocol.Halt), "gateway.Halt.v1"),
        (typeof(GatewayProtocol.Resume), "gateway.Resume.v1"),
        (typeof(GatewayProtocol.GetStatus), "gateway.GetStatus.v1"),
        (typeof(GatewayProtocol.GatewayStatus), "gateway.GatewayStatus.v1"),
        (typeof(PriceFeedProtocol.Watch), "prices.Watch.v1"),
        (typeof(PriceFeedProtocol.GetFeedStatus), "prices.GetFeedStatus.v1"),
        (typeof(PriceFeedProtocol.PriceFeedStatus), "prices.PriceFeedStatus.v1"),
        (typeof(ReconcilerEvents.PositionTracked), "reconciler.PositionTracked.v1"),
        (typeof(ReconcilerEvents.PositionReleased), "reconciler.PositionReleased.v1"),
        (typeof(ReconcilerSnapshot), "reconciler.Snapshot.v1"),
        (typeof(ReconcilerProtocol.ReconcileNow), "reconciler.ReconcileNow.v1"),
        (typeof(ReconcilerProtocol.ReconcileCompleted), "reconciler.ReconcileCompleted.v1"),
        (typeof(ReconcilerProtocol.GetAlerts), "reconciler.GetAlerts.v1"),
        (typeof(ReconcilerProtocol.AlertList), "reconciler.AlertList.v1"),
        (typeof(ReconcilerProtocol.GetWatched), "reconciler.GetWatched.v1"),
        (typeof(NodeInfoProtocol.GetNodeInfo), "node.GetNodeInfo.v1"),
        (typeof(NodeInfoProtocol.NodeInfoV1), "node.NodeInfo.v1"),
        (typeof(PositionProtocol.Closed), "position.Closed.v1"),
        (typeof(GatewaySnapshot), "gateway.Snapshot.v2"),
        (typeof(NodeInfoProtocol.NodeInfo), "node.NodeInfo.v2"),
        (typeof(PositionOpened), "PositionOpened.v2"),
        (typeof(PolicyChanged), "PolicyChanged.v2"),
        (typeof(PositionState), "PositionSnapshot.v2"),
        (typeof(PositionProtocol.ReapplyPolicy), "position.ReapplyPolicy.v1"),
        (typeof(GatewayProtocol.CancelExit), "gateway.CancelExit.v1"),
    ];

    private static readonly FrozenDictionary<Type, string> ByType = All.ToFrozenDictionary(m => m.Type, m => m.Manifest);
    private static readonly FrozenDictionary<string, Type> ByManifest = All.ToFrozenDictionary(m => m.Manifest, m => m.Type);

    public static IEnumerable<(Type Type, string Manifest)> Registered => All;

    public static string For(Type type) =>
        ByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type.FullName} has no manifest; add it to {nameof(Manifests)} and {nameof(PositionManagerJsonContext)}", nameof(type));

    public static Type TypeOf(string manifest) =>
        ByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new System.Runtime.Serialization.SerializationException($"unknown manifest '{manifest}'");
}
