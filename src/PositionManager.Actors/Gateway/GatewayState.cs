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

    /// <summary>An empty state that remembers at most <paramref name="retainCompleted"/> done intents.</summary>
    public static GatewayState Retaining(int retainCompleted)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retainCompleted);
        return Empty with { RetainCompleted = retainCompleted };
    }

    /// <summary>Every intent not yet done, and the <see cref="RetainCompleted"/> latest done ones.</summary>
    public ImmutableDictionary<string, IntentRecord> Intents { get; init; } = ImmutableDictionary<string, IntentRecord>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Intents not yet at the broker (queued or submitting), oldest first.</summary>
    public ImmutableList<string> Outbox { get; init; } = [];

    /// <summary>
    /// Done intents (refused or finished) in the order they became done, oldest first: beyond
    /// <see cref="RetainCompleted"/>, the oldest is forgotten. <see cref="Apply"/> forgets, by the
    /// journal's order alone, and the list is in the snapshot, so replaying the events and loading a
    /// snapshot then replaying the rest forget the same intents. Queued, submitting and submitted intents are never forgotten.
    /// <para>
    /// Why forgetting is safe: a done intent has nothing left to do at the broker; it is remembered
    /// only so that a re-send is answered with what became of it. A re-send of a forgotten intent is
    /// taken as new, and every new intent is checked by OrderRules against the broker's position in
    /// that exact symbol, read right before it could be submitted (IntentSequencing, RulesChecked). If
    /// the earlier order closed the position, the broker holds none and the rules refuse the intent
    /// (SymbolNotHeld: a second sell_to_close of a flat position could open a short); more than what
    /// is left is refused too (QuantityAboveHeld). Before any such refusal the gateway looks the
    /// intent's client_order_id up (IntentSequencing: LookUp before refusing), so the position hears of
    /// the order it missed rather than a refusal. Should the rules pass (the earlier order was
    /// canceled or expired, or closed only part), the order goes out under the same deterministic
    /// client_order_id, which the broker refuses as used before (Alpaca's 422; the PaperBroker's too);
    /// the gateway then looks the order up by that id and reports it instead of sending another
    /// (IntentSequencing, SubmitAnswer).
    /// </para>
    /// </summary>
    public ImmutableList<string> Completed { get; init; } = [];

    public int RetainCompleted { get; private init; } = GatewaySettings.DefaultRetainCompleted;

    public bool Halted { get; init; }

    public string? HaltReason { get; init; }

    public IntentRecord? Find(string intentId) => Intents.GetValueOrDefault(intentId);

    public IEnumerable<IntentRecord> OpenAtBroker => Intents.Values.Where(i => i.IsOpenAtBroker);

    public GatewayState Apply(IGatewayEvent change)
    {
        var next = Changed(change);
        return DoneBy(change) is { } intentId && Find(intentId) is { IsDone: false } && next.Find(intentId) is { IsDone: true } done
            ? (next with { Completed = next.Completed.Add(done.IntentId) }).WithinRetention()
            : next;
    }

    /// <summary>Forgets the oldest done intents beyond <see cref="RetainCompleted"/>.</summary>
    public GatewayState WithinRetention()
    {
        if (Completed.Count <= RetainCompleted)
        {
            return this;
        }

        var forget = Completed.Take(Completed.Count - RetainCompleted).ToList();
        // An id whose intent is not done any more (the broker accepted it after all) only leaves the
        // list: it is listed again when it is done again.
        var intents = Intents.RemoveRange(forget.Where(id => Find(id) is { IsDone: true }));
        return this with { Intents = intents, Completed = Completed.RemoveRange(0, forget.Count) };
    }

    /// <summary>Fills seen on the stream or by polling; kept in memory only (the broker is their record).</summary>
    public GatewayState WithProgress(string intentId, int filledQuantity, decimal? averagePrice, BrokerOrder? ended) =>
        Update(intentId, r => r with
        {
            FilledQuantity = filledQuantity,
            FilledAveragePrice = averagePrice,
            FinalStatus = ended?.Status ?? r.FinalStatus,
            FinalStatusText = ended?.StatusText ?? r.FinalStatusText,
        });

    private static string? DoneBy(IGatewayEvent change) => change switch
    {
        IntentRefused e => e.IntentId,
        OrderFinished e => e.IntentId,
        _ => null,
    };

    private GatewayState Changed(IGatewayEvent change) => change switch
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

    private GatewayState Update(string intentId, Func<IntentRecord, IntentRecord> change) =>
        Intents.TryGetValue(intentId, out var record) ? this with { Intents = Intents.SetItem(intentId, change(record)) } : this;
}
