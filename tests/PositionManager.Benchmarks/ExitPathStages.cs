using System.Globalization;
using Akka.Actor;
using Akka.Serialization;
using HdrHistogram;
using Npgsql;
using PositionManager.Actors.Gateway;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Benchmarks;

/// <summary>
/// Where the time of one exit goes, read back from what the path journaled: the position's decision
/// time, the moment each write reached the journal (its `created` column), the gateway's receipt and
/// its start of submission, and the order's creation at the broker. Printed beside the end-to-end
/// figure so that a slow percentile names its stage.
/// </summary>
public sealed class ExitPathStages
{
    private readonly Dictionary<string, DateTimeOffset> _tickSent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _orderCreated = new(StringComparer.Ordinal);

    public void Record(string clientOrderId, DateTimeOffset tickSent, DateTimeOffset orderCreated)
    {
        _tickSent[clientOrderId] = tickSent;
        _orderCreated[clientOrderId] = orderCreated;
    }

    public async Task PrintAsync(ActorSystem system, string connectionString)
    {
        var serialization = system.Serialization;
        var decided = new Dictionary<string, (DateTimeOffset At, DateTimeOffset Journaled)>(StringComparer.Ordinal);
        var received = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var started = new Dictionary<string, (DateTimeOffset At, DateTimeOffset Journaled)>(StringComparer.Ordinal);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT created, message, identifier, manifest FROM journal WHERE manifest IN ('ExitTriggered.v1', 'gateway.IntentQueued.v1', 'gateway.SubmissionStarted.v1')",
            connection);
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            var journaled = new DateTimeOffset(rows.GetInt64(0), TimeSpan.Zero);
            switch (serialization.Deserialize((byte[])rows[1], rows.GetInt32(2), rows.GetString(3)))
            {
                case ExitTriggered exit:
                    decided[exit.ClientOrderId] = (exit.At, journaled);
                    break;
                case GatewayEvents.IntentQueued queued:
                    received[queued.Intent.IntentId] = queued.At;
                    break;
                case GatewayEvents.SubmissionStarted start:
                    started[start.IntentId] = (start.At, journaled);
                    break;
            }
        }

        var stages = new (string Name, LongHistogram Histogram)[]
        {
            ("tick sent -> exit decided in the position", New()),
            ("decided -> its write reaches the journal", New()),
            ("journal write -> intent at the gateway (write done, delivery)", New()),
            ("at the gateway -> broker position read done", New()),
            ("read done -> submitting write reaches the journal", New()),
            ("submitting journal write -> order created at the broker (write done, HTTP)", New()),
        };
        var exits = new List<(TimeSpan Total, TimeSpan[] Stages)>();
        foreach (var (id, tickSent) in _tickSent)
        {
            if (!decided.TryGetValue(id, out var decision) || !received.TryGetValue(id, out var receipt) || !started.TryGetValue(id, out var submission))
            {
                continue;
            }

            DateTimeOffset[] marks = [tickSent, decision.At, decision.Journaled, receipt, submission.At, submission.Journaled, _orderCreated[id]];
            var durations = new TimeSpan[stages.Length];
            for (var i = 0; i < stages.Length; i++)
            {
                durations[i] = marks[i + 1] - marks[i] is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
                stages[i].Histogram.RecordValue(durations[i].Ticks);
            }

            exits.Add((marks[^1] - marks[0], durations));
        }

        // The slowest exits, those beyond the 99th percentile and a few more, stage by stage: a
        // tail from one stage reads differently from a pause that stretched every stage alike.
        var slowest = exits.OrderByDescending(e => e.Total).Take(Math.Max(3, exits.Count / 50)).ToList();
        Console.WriteLine($"  where the time goes ({stages[0].Histogram.TotalCount} exits, p50 / p99 ms; then the mean of the slowest {slowest.Count}):");
        for (var i = 0; i < stages.Length; i++)
        {
            var slowMean = slowest.Count == 0 ? 0 : slowest.Average(e => e.Stages[i].TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stages[i].Name}: {Ms(stages[i].Histogram, 50)} / {Ms(stages[i].Histogram, 99)}; slowest {slowMean:F2}"));
        }
    }

    /// <summary>
    /// The floors of the two kinds of stage, measured right after the exits on the same machine
    /// state: a bare HttpClient read of a position from the same broker, and a bare one-row insert
    /// in its own transaction into the same database.
    /// </summary>
    public static async Task PrintFloorsAsync(ActorSystem system, Uri brokerUrl, IReadOnlyList<string> symbols, string connectionString)
    {
        using var http = new HttpClient { BaseAddress = brokerUrl };
        http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", "PKBENCH");
        http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "bench-secret");
        var reads = New();
        foreach (var symbol in symbols)
        {
            var start = TimeProvider.System.GetTimestamp();
            using var answer = await http.GetAsync($"v2/positions/{symbol}");
            var body = await answer.Content.ReadAsStringAsync();
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"bare read of {symbol}: {(int)answer.StatusCode} {body}");
            }
            reads.RecordValue(TimeProvider.System.GetElapsedTime(start).Ticks);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload bytea NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var inserts = New();
        var payload = new byte[200];
        foreach (var _ in symbols)
        {
            var start = TimeProvider.System.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO bench_floor (payload) VALUES (@p)", connection, transaction);
            insert.Parameters.AddWithValue("p", payload);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            inserts.RecordValue(TimeProvider.System.GetElapsedTime(start).Ticks);
        }

        var piped = New();
        var reader = system.ActorOf(Props.Create(() => new PipedReader(http)));
        foreach (var symbol in symbols)
        {
            piped.RecordValue((await reader.Ask<TimeSpan>(symbol, TimeSpan.FromSeconds(10))).Ticks);
        }

        var persists = New();
        var persister = system.ActorOf(Props.Create(() => new TimedPersister()));
        foreach (var _ in symbols)
        {
            persists.RecordValue((await persister.Ask<TimeSpan>(TimedPersister.Go, TimeSpan.FromSeconds(10))).Ticks);
        }

        Console.WriteLine($"  floors ({symbols.Count} each, p50 / p99 ms): bare HTTP position read {Ms(reads, 50)} / {Ms(reads, 99)}; the same read piped to an actor {Ms(piped, 50)} / {Ms(piped, 99)}; bare one-row insert and commit {Ms(inserts, 50)} / {Ms(inserts, 99)}; one Persist through the node's journal {Ms(persists, 50)} / {Ms(persists, 99)}");
    }

    private sealed class TimedPersister : Akka.Persistence.ReceivePersistentActor
    {
        public const string Go = "go";

        public TimedPersister()
        {
            Command<string>(_ =>
            {
                var start = TimeProvider.System.GetTimestamp();
                var replyTo = Sender;
                Persist(new GatewayEvents.GatewayResumed("bench", DateTimeOffset.UtcNow), _ => replyTo.Tell(TimeProvider.System.GetElapsedTime(start)));
            });
        }

        public override string PersistenceId => "bench-timed-persister";
    }

    private sealed record ReadDone(IActorRef ReplyTo, long Start);

    private sealed class PipedReader : ReceiveActor
    {
        public PipedReader(HttpClient http)
        {
            Receive<string>(symbol =>
            {
                var start = TimeProvider.System.GetTimestamp();
                var replyTo = Sender;
                http.GetByteArrayAsync($"v2/positions/{symbol}").PipeTo(Self, success: _ => new ReadDone(replyTo, start), failure: e => new Status.Failure(e));
            });
            Receive<ReadDone>(done => done.ReplyTo.Tell(TimeProvider.System.GetElapsedTime(done.Start)));
            Receive<Status.Failure>(failed => Console.WriteLine($"  piped read failed: {failed.Cause.Message}"));
        }
    }

    private static LongHistogram New() => new(TimeStamp.Seconds(10), 3);

    private static string Ms(LongHistogram histogram, double percentile) =>
        (histogram.GetValueAtPercentile(percentile) / 10_000.0).ToString("F2", CultureInfo.InvariantCulture);
}
