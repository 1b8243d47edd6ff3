using BenchmarkDotNet.Running;
using Npgsql;
using PositionManager.Benchmarks;
using PositionManager.Persistence;

// `micro`: BenchmarkDotNet micro benchmarks of the tick path's pure decisions.
// Otherwise the load harness, every figure a ratio against a raw baseline measured in this run.
// Scenario names choose what runs (default: all of them, in this order); each scenario starts
// its own node and database, so one can be repeated on its own while tuning.
string[] scenarios = ["ticks", "postgres", "sqlite", "recovery", "gateway", "failover", "feed", "crash"];
if (args.FirstOrDefault() == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(TickDecisionBenchmarks).Assembly).Run(args.Skip(1).ToArray());
    return 0;
}

var chosen = args.Length == 0 ? scenarios : args;
if (chosen.FirstOrDefault(a => !scenarios.Contains(a)) is { } unknown)
{
    Console.Error.WriteLine($"unknown scenario '{unknown}'; choose from: micro, {string.Join(", ", scenarios)}");
    return 2;
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
    foreach (var scenario in chosen)
    {
        switch (scenario)
        {
            case "ticks":
                var tickJournal = await BenchDatabases.NewPostgresAsync(postgres);
                await TickRoutingScenario.RunAsync(tickJournal, () => BenchDatabases.JournalRowsAsync(tickJournal));
                break;
            case "postgres":
                await PersistScenario.RunPostgresAsync(postgres);
                break;
            case "sqlite":
                await PersistScenario.RunSqliteAsync(scratch.FullName);
                break;
            case "gateway":
                await GatewayScenario.RunAsync(await BenchDatabases.NewPostgresAsync(postgres), latencySamples: int.TryParse(Environment.GetEnvironmentVariable("PM_BENCH_SAMPLES"), out var samples) ? samples : 1_000);
                break;
            case "recovery":
                await RecoveryScenario.RunAsync(postgres);
                break;
            case "feed":
                await FeedScenario.RunAsync(await BenchDatabases.NewPostgresAsync(postgres));
                break;
            case "crash":
                await CrashScenario.RunAsync(await BenchDatabases.NewPostgresAsync(postgres), 500, 200);
                await CrashScenario.RunAsync(await BenchDatabases.NewPostgresAsync(postgres), 1_000, 1_000);
                break;
            case "failover":
                await FailoverScenario.RunAsync(postgres, 1_000);
                await FailoverScenario.RunAsync(postgres, 10_000);
                break;
        }
    }

    return 0;
}
finally
{
    scratch.Delete(recursive: true);
    NpgsqlConnection.ClearAllPools();
}
