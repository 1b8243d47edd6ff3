using System.Text;
using System.Text.Json;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Serialization;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using static PositionManager.Actors.Gateway.GatewayEvents;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// A gateway journal written step by step as the gateway would write it: each step appends its
/// event(s) and applies them, so tests can replay, snapshot and compare.
/// </summary>
public sealed class GatewayJournal(int retainCompleted)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 15, 30, 0, TimeSpan.Zero);
    private readonly List<IGatewayEvent> _events = [];
    private int _issued;

    public IReadOnlyList<IGatewayEvent> Events => _events;

    public GatewayState State { get; private set; } = GatewayState.Retaining(retainCompleted);

    /// <summary>Every intent id ever queued, in order.</summary>
    public List<string> Issued { get; } = [];

    private DateTimeOffset Now => Start.AddSeconds(_events.Count);

    public static GatewayProtocol.SubmitClose Intent(string intentId) =>
        new(intentId, "AAPL260220C00250000", 1, "AAPL260220C00250000", OrderSide.Sell, PositionIntent.SellToClose, 1, ExitReason.TrailingStop, 4.90m);

    public string Queue(string? intentId = null)
    {
        var id = intentId ?? $"pm-AAPL260220C00250000-0a1b2c3d-{++_issued}";
        Issued.Add(id);
        Append(new IntentQueued(Intent(id), Now));
        return id;
    }

    public GatewayJournal StartSubmission(string id) => Append(new SubmissionStarted(id, Now));

    public GatewayJournal Accept(string id) => Append(new OrderAccepted(id, $"order-{id}", Now));

    public GatewayJournal Refuse(string id) => Append(new IntentRefused(id, ["SymbolNotHeld"], "SymbolNotHeld: not held", Now));

    public GatewayJournal Finish(string id) => Append(new OrderFinished(id, Alpaca.Trading.BrokerOrderStatus.Filled, "filled", 1, 4.90m, Now));

    /// <summary>Queued, submitted and filled: one complete exit.</summary>
    public string Complete()
    {
        var id = Queue();
        StartSubmission(id).Accept(id).Finish(id);
        return id;
    }

    public GatewayJournal Append(IGatewayEvent change)
    {
        _events.Add(change);
        State = State.Apply(change);
        return this;
    }

    /// <summary>What recovery from the events alone rebuilds.</summary>
    public static GatewayState Replay(IEnumerable<IGatewayEvent> events, int retainCompleted) =>
        events.Aggregate(GatewayState.Retaining(retainCompleted), (state, change) => state.Apply(change));

    /// <summary>What recovery rebuilds from a snapshot taken after <paramref name="cut"/> events (through its JSON) and the events after it.</summary>
    public GatewayState RecoverFromSnapshotAt(int cut, int retainCompleted)
    {
        var taken = GatewaySnapshot.Of(Replay(_events.Take(cut), retainCompleted));
        var read = RoundTrip(taken);
        return _events.Skip(cut).Aggregate(read.ToState(retainCompleted), (state, change) => state.Apply(change));
    }

    /// <summary>The snapshot written and read back as the serializer does it.</summary>
    public static T RoundTrip<T>(T value)
        where T : notnull
    {
        var info = PositionManagerJsonContext.Default.GetTypeInfo(typeof(T))!;
        return (T)JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, info), info)!;
    }

    /// <summary>A state as comparable text: its snapshot's JSON (intents in a fixed order) and its limit.</summary>
    public static string Canonical(GatewayState state) =>
        $"{state.RetainCompleted}:{Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(GatewaySnapshot.Of(state), PositionManagerJsonContext.Default.GatewaySnapshot))}";
}
