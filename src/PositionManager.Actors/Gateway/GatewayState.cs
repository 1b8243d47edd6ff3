using System.Collections.Immutable;
using PositionManager.Alpaca.Trading;
using static PositionManager.Actors.Gateway.GatewayEvents;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// The gateway's outbox and kill switch, rebuilt from its journal by <see cref="Apply"/> alone.
/// <see cref="Outbox"/> keeps arrival order: orders go to the broker one at a time in that order.
/// </summary>
public sealed record GatewayState
{
    public static GatewayState Empty { get; } = new();

    public ImmutableDictionary<string, IntentRecord> Intents { get; init; } = ImmutableDictionary<string, IntentRecord>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Intents not yet at the broker (queued or submitting), oldest first.</summary>
    public ImmutableList<string> Outbox { get; init; } = [];

    public bool Halted { get; init; }

    public string? HaltReason { get; init; }

    public IntentRecord? Find(string intentId) => Intents.GetValueOrDefault(intentId);

    public IEnumerable<IntentRecord> OpenAtBroker => Intents.Values.Where(i => i.IsOpenAtBroker);

    public GatewayState Apply(IGatewayEvent change) => change switch
    {
        IntentQueued e => this with
        {
            Intents = Intents.SetItem(e.Intent.IntentId, new IntentRecord(e.Intent, IntentStage.Queued, e.At)),
            Outbox = Outbox.Add(e.Intent.IntentId),
        },
        SubmissionStarted e => Update(e.IntentId, r => r with { Stage = IntentStage.Submitting }),
        OrderAccepted e => Update(e.IntentId, r => r with
        {
            Stage = r.Stage == IntentStage.Finished ? IntentStage.Finished : IntentStage.Submitted,
            BrokerOrderId = e.BrokerOrderId,
        }) with
        {
            Outbox = Outbox.Remove(e.IntentId),
        },
        IntentRefused e => Update(e.IntentId, r => r with { Stage = IntentStage.Refused, RefusalReason = e.Reason }) with
        {
            Outbox = Outbox.Remove(e.IntentId),
        },
        OrderFinished e => Update(e.IntentId, r => r with
        {
            Stage = IntentStage.Finished,
            FinalStatus = e.Status,
            FinalStatusText = e.StatusText,
            FilledQuantity = e.FilledQuantity,
            FilledAveragePrice = e.AveragePrice,
        }) with
        {
            // The stream can report the end before the submit's own answer arrives.
            Outbox = Outbox.Remove(e.IntentId),
        },
        GatewayHalted e => this with { Halted = true, HaltReason = e.Reason },
        GatewayResumed => this with { Halted = false, HaltReason = null },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown gateway event"),
    };

    /// <summary>Fills seen on the stream or by polling; kept in memory only (the broker is their record).</summary>
    public GatewayState WithProgress(string intentId, int filledQuantity, decimal? averagePrice, BrokerOrder? ended) =>
        Update(intentId, r => r with
        {
            FilledQuantity = filledQuantity,
            FilledAveragePrice = averagePrice,
            FinalStatus = ended?.Status ?? r.FinalStatus,
            FinalStatusText = ended?.StatusText ?? r.FinalStatusText,
        });

    private GatewayState Update(string intentId, Func<IntentRecord, IntentRecord> change) =>
        Intents.TryGetValue(intentId, out var record) ? this with { Intents = Intents.SetItem(intentId, change(record)) } : this;
}
