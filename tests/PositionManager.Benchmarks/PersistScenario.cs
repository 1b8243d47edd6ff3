using Akka.Actor;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>Persisted peak-change events/s (every tick raises a peak: one event each) vs raw batched inserts.</summary>
public static class PersistScenario
{
    // The raw baseline runs before and after the journal and the better of the two counts: on a
    // shared machine one run alone can land in a busy moment and flatter the ratio.
    public static async Task RunPostgresAsync(string admin)
    {
        Report.Line("Persisted peak-change events, PostgreSQL (1,000 positions x 100 events)");
        var journal = await BenchDatabases.NewPostgresAsync(admin);
        var rawBefore = 0.0;
        var events = await EventsPerSecondAsync(journal, () => BenchDatabases.JournalRowsAsync(journal), 1_000, 100, async () => rawBefore = await RawInserts.PostgresRowsPerSecondAsync(journal.ConnectionString, "raw_before", 100_000));
        var rawAfter = await RawInserts.PostgresRowsPerSecondAsync(journal.ConnectionString, "raw_after", 100_000);
        Report.Ratio("journal vs multi-row INSERT", events, Math.Max(rawBefore, rawAfter), "events/s", 0.50);
    }

    public static async Task RunSqliteAsync(string scratch)
    {
        Report.Line("Persisted peak-change events, SQLite default (WAL) (200 positions x 200 events)");
        var journal = SqliteJournalFile.Prepare(Path.Combine(scratch, $"journal-{Guid.NewGuid():N}.db"));
        var rawBefore = await RawInserts.SqliteRowsPerSecondAsync(Path.Combine(scratch, $"raw-{Guid.NewGuid():N}.db"), 40_000);
        var events = await EventsPerSecondAsync(journal, () => BenchDatabases.JournalRowsAsync(journal), 200, 200);
        var rawAfter = await RawInserts.SqliteRowsPerSecondAsync(Path.Combine(scratch, $"raw-{Guid.NewGuid():N}.db"), 40_000);
        Report.Ratio("journal vs 100-row transactions (WAL, synchronous=NORMAL)", events, Math.Max(rawBefore, rawAfter), "events/s", 0.25);
    }

    /// <param name="beforeTicks">Runs once the node has created the journal's tables, before the measured ticks.</param>
    public static async Task<double> EventsPerSecondAsync(JournalTarget journal, Func<Task<long>> journalRows, int positions, int rounds, Func<Task>? beforeTicks = null)
    {
        await using var node = await BenchNode.StartAsync(journal, PositionSettings.Default with { SnapshotEvery = int.MaxValue });
        var symbols = Positions.Symbols(positions);
        await Positions.OpenAllAsync(node.Region, symbols);
        if (beforeTicks is not null)
        {
            await beforeTicks();
        }

        var rowsBefore = await journalRows();
        var ticks = Enumerable.Range(1, rounds)
            .SelectMany(round => symbols.Select(s => Positions.Tick(s, Positions.Entry + round * 0.01m)))
            .ToArray();

        var elapsed = await Report.TimeAsync(async () =>
        {
            foreach (var tick in ticks)
            {
                node.Region.Tell(tick);
            }

            await Positions.DrainAsync(node.Region, symbols);
        });

        var written = await journalRows() - rowsBefore;
        if (written != (long)positions * rounds)
        {
            throw new InvalidOperationException($"expected {positions * rounds} events, the journal gained {written}");
        }

        return written / elapsed.TotalSeconds;
    }
}
