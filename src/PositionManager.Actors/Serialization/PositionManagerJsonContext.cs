using System.Text.Json.Serialization;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Nodes;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Actors.Serialization;

/// <summary>Source-generated JSON metadata: no reflection at run time, and a missing type fails the build's tests, not production.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PositionOpened))]
[JsonSerializable(typeof(PeakRaised))]
[JsonSerializable(typeof(PolicyChanged))]
[JsonSerializable(typeof(ExitTriggered))]
[JsonSerializable(typeof(CloseOrderSubmitted))]
[JsonSerializable(typeof(CloseOrderRejected))]
[JsonSerializable(typeof(CloseOrderPartiallyFilled))]
[JsonSerializable(typeof(CloseOrderFilled))]
[JsonSerializable(typeof(CloseOrderCanceled))]
[JsonSerializable(typeof(PositionClosed))]
[JsonSerializable(typeof(PositionState))]
[JsonSerializable(typeof(PositionProtocol.Open))]
[JsonSerializable(typeof(PositionProtocol.PriceTick))]
[JsonSerializable(typeof(PositionProtocol.GetState))]
[JsonSerializable(typeof(PositionProtocol.ChangePolicy))]
[JsonSerializable(typeof(PositionProtocol.RequestClose))]
[JsonSerializable(typeof(PositionProtocol.ReportOrderOutcome))]
[JsonSerializable(typeof(PositionProtocol.MarkBrokerFlat))]
[JsonSerializable(typeof(PositionProtocol.PositionView))]
[JsonSerializable(typeof(PositionProtocol.CommandAccepted))]
[JsonSerializable(typeof(PositionProtocol.CommandRefused))]
[JsonSerializable(typeof(GatewayProtocol.SubmitClose))]
[JsonSerializable(typeof(GatewayEvents.IntentQueued))]
[JsonSerializable(typeof(GatewayEvents.SubmissionStarted))]
[JsonSerializable(typeof(GatewayEvents.OrderAccepted))]
[JsonSerializable(typeof(GatewayEvents.IntentRefused))]
[JsonSerializable(typeof(GatewayEvents.OrderFinished))]
[JsonSerializable(typeof(GatewayEvents.GatewayHalted))]
[JsonSerializable(typeof(GatewayEvents.GatewayResumed))]
[JsonSerializable(typeof(GatewaySnapshotV1))]
[JsonSerializable(typeof(GatewayProtocol.CloseAccepted))]
[JsonSerializable(typeof(GatewayProtocol.CancelExit))]
[JsonSerializable(typeof(GatewayProtocol.Halt))]
[JsonSerializable(typeof(GatewayProtocol.Resume))]
[JsonSerializable(typeof(GatewayProtocol.GetStatus))]
[JsonSerializable(typeof(GatewayProtocol.GatewayStatus))]
[JsonSerializable(typeof(PriceFeedProtocol.Watch))]
[JsonSerializable(typeof(PriceFeedProtocol.GetFeedStatus))]
[JsonSerializable(typeof(PriceFeedProtocol.PriceFeedStatus))]
[JsonSerializable(typeof(ReconcilerEvents.PositionTracked))]
[JsonSerializable(typeof(ReconcilerEvents.PositionReleased))]
[JsonSerializable(typeof(ReconcilerSnapshot))]
[JsonSerializable(typeof(ReconcilerProtocol.ReconcileNow))]
[JsonSerializable(typeof(ReconcilerProtocol.ReconcileCompleted))]
[JsonSerializable(typeof(ReconcilerProtocol.GetAlerts))]
[JsonSerializable(typeof(ReconcilerProtocol.AlertList))]
[JsonSerializable(typeof(ReconcilerProtocol.GetWatched))]
[JsonSerializable(typeof(NodeInfoProtocol.GetNodeInfo))]
[JsonSerializable(typeof(NodeInfoProtocol.NodeInfo))]
[JsonSerializable(typeof(NodeInfoProtocol.NodeInfoV1))]
[JsonSerializable(typeof(PositionProtocol.Closed))]
[JsonSerializable(typeof(GatewaySnapshot))]
[JsonSerializable(typeof(PositionOpenedV1))]
[JsonSerializable(typeof(PolicyChangedV1))]
[JsonSerializable(typeof(PositionSnapshotV1))]
[JsonSerializable(typeof(PositionProtocol.ReapplyPolicy))]
public sealed partial class PositionManagerJsonContext : JsonSerializerContext;
