using BenchmarkDotNet.Running;
using Npgsql;
using PositionManager.Actors.Configuration;
using PositionManager.Benchmarks;

// `micro`: BenchmarkDotNet micro benchmarks of the tick path's pure decisions.
// default: the load harness, every figure a ratio against a raw baseline measured in this run.
if (args.FirstOrDefault() == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(TickDecisionBenchmarks).Assembly).Run(args.Skip(1).ToArray());
    return 0;
}

var postgres = Environment.GetEnvironmentVariable("PM_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(postgres))
{
    Console.Error.WriteLine("PM_TEST_POSTGRES is not set: run ./bench.sh, which starts a throwaway PostgreSQL");
    return 2;
}

var scratch = Directory.CreateTempSubdirectory("pm-bench-");
try
{
    var tickJournal = await BenchDatabases.NewPostgresAsync(postgres);
    await TickRoutingScenario.RunAsync(tickJournal, () => BenchDatabases.JournalRowsAsync(tickJournal));

    Report.Line("Persisted peak-change events, PostgreSQL (1,000 positions x 100 events)");
    var pgJournal = await BenchDatabases.NewPostgresAsync(postgres);
    var pgEvents = await PersistScenario.EventsPerSecondAsync(pgJournal, () => BenchDatabases.JournalRowsAsync(pgJournal), 1_000, 100);
    var pgRaw = await RawInserts.PostgresRowsPerSecondAsync(pgJournal.ConnectionString, 100_000);
    Report.Ratio("journal vs multi-row INSERT", pgEvents, pgRaw, "events/s", 0.50);

    Report.Line("Persisted peak-change events, SQLite default (WAL) (200 positions x 50 events)");
    var sqliteJournal = SqliteJournalFile.Prepare(Path.Combine(scratch.FullName, "journal.db"));
    var sqliteEvents = await PersistScenario.EventsPerSecondAsync(sqliteJournal, () => BenchDatabases.JournalRowsAsync(sqliteJournal), 200, 50);
    var sqliteRaw = await RawInserts.SqliteRowsPerSecondAsync(Path.Combine(scratch.FullName, "raw.db"), 20_000);
    Report.Ratio("journal vs 100-row transactions (WAL, synchronous=NORMAL)", sqliteEvents, sqliteRaw, "events/s", 0.25);

    await RecoveryScenario.RunAsync(await BenchDatabases.NewPostgresAsync(postgres));
    return 0;
}
finally
{
    scratch.Delete(recursive: true);
    NpgsqlConnection.ClearAllPools();
}
