using System.Text.Json.Serialization;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Gateway;

/// <summary>One close intent as the gateway remembers it; the journal rebuilds it exactly.</summary>
public sealed record IntentRecord(
    GatewayProtocol.SubmitClose Intent,
    IntentStage Stage,
    DateTimeOffset ReceivedAt,
    string? BrokerOrderId = null,
    string? RefusalReason = null,
    BrokerOrderStatus? FinalStatus = null,
    string? FinalStatusText = null,
    int FilledQuantity = 0,
    decimal? FilledAveragePrice = null)
{
    [JsonIgnore]
    public string IntentId => Intent.IntentId;

    [JsonIgnore]
    public bool IsOpenAtBroker => Stage == IntentStage.Submitted;

    /// <summary>Nothing more will be sent or journaled for it: kept only to answer a re-send.</summary>
    [JsonIgnore]
    public bool IsDone => Stage is IntentStage.Refused or IntentStage.Finished;
}
