using Akka.Configuration;
using Akka.Persistence.Sql;
using PositionManager.Persistence;

namespace PositionManager.Actors.Configuration;

/// <summary>
/// Builds the node's Akka configuration from hocon/: overrides first, then the persistence
/// backend's file, then bootstrap.conf (cluster formation) and akka.conf, then Akka.Persistence.Sql's defaults (without which the
/// plugin has no class name and the journal cannot start).
/// </summary>
public static class AkkaConfig
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "hocon");

    public static Config Load(JournalTarget journal, string? overrides = null, string? hoconDirectory = null)
    {
        var directory = hoconDirectory ?? DefaultDirectory;
        var backendFile = journal.Backend == PersistenceBackend.Sqlite ? "persistence.sqlite.conf" : "persistence.postgres.conf";
        // One document, later layers overriding earlier ones. Chaining WithFallback per layer onto
        // the plugin's shared default Config overflowed the stack once several systems were built
        // in one process, so the defaults are joined exactly once, at the end.
        var layered = string.Join(
            Environment.NewLine,
            Read(directory, "akka.conf"),
            Read(directory, "bootstrap.conf"),
            Read(directory, backendFile),
            journal.ToHocon(),
            overrides ?? string.Empty);
        return ConfigurationFactory.ParseString(layered).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    private static string Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"Akka configuration {file} not found in {directory}", path);
    }
}
