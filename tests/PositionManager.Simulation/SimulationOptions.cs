using System.Globalization;
using Npgsql;
using PositionManager.Persistence;
using PositionManager.TestSupport;

namespace PositionManager.Simulation;

/// <summary>
/// The console's command line. <see cref="Parallel"/> worlds (in cluster mode, clusters) run the
/// scenarios at once; <see cref="Postgres"/> journals each world (or cluster) in a new database on the
/// server PM_TEST_POSTGRES names instead of a SQLite file.
/// </summary>
public sealed record SimulationOptions(int Scenarios, int Seed, int? ScenarioSeed, double RestartChance, bool Cluster, int MaxContracts = 50, double KillChance = 1.0, int Parallel = 3, bool Postgres = false)
{
    public static bool TryParse(string[] args, out SimulationOptions options, out string? error)
    {
        options = new SimulationOptions(100, Environment.TickCount & 0x7FFFFFFF, null, 0.03, false);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scenarios" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    options = options with { Scenarios = n };
                    i++;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s >= 0:
                    options = options with { Seed = s };
                    i++;
                    break;
                case "--scenario-seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var x) && x >= 0:
                    options = options with { ScenarioSeed = x, Scenarios = 1 };
                    i++;
                    break;
                case "--restart-chance" when double.TryParse(value, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1:
                    options = options with { RestartChance = p };
                    i++;
                    break;
                case "--max-contracts" when int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 50:
                    options = options with { MaxContracts = m };
                    i++;
                    break;
                case "--kill-chance" when double.TryParse(value, CultureInfo.InvariantCulture, out var k) && k is >= 0 and <= 1:
                    options = options with { KillChance = k };
                    i++;
                    break;
                case "--parallel" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 8:
                    options = options with { Parallel = w };
                    i++;
                    break;
                case "--postgres":
                    options = options with { Postgres = true };
                    break;
                case "--cluster":
                    options = options with { Cluster = true };
                    break;
                default:
                    error = $"'{args[i]}' is not an option or lacks a valid value";
                    return false;
            }
        }

        if (options.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestJournals.PostgresVariable)))
        {
            error = $"--postgres needs {TestJournals.PostgresVariable}, an Npgsql connection string to a server where it may create databases (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres)";
            return false;
        }

        return true;
    }

    /// <summary>The journal kind, as the first line of a run names it.</summary>
    public string JournalName => Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>A new journal for a world: a database of its own on PostgreSQL, or a SQLite file.</summary>
    public JournalTarget NewJournal() => Postgres ? CappedPool(TestJournals.NewPostgres()) : TestJournals.NewSqlite();

    /// <summary>
    /// Each world's database has a pool of its own (Npgsql pools by connection string), 100
    /// connections at most by default: three worlds with node restarts once took more than the
    /// server's max_connections (100) and the journals failed "too many clients already".
    /// </summary>
    private static JournalTarget CappedPool(JournalTarget journal) =>
        journal with { ConnectionString = new NpgsqlConnectionStringBuilder(journal.ConnectionString) { MaxPoolSize = MaxConnectionsPerWorld }.ConnectionString };

    private const int MaxConnectionsPerWorld = 25;
}
