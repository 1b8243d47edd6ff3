namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:Journal</c>: PostgreSQL when a connection string is given, else SQLite under the data directory.</summary>
public sealed record JournalOptions(string? Postgres)
{
    public const string Section = "PositionManager:Journal";

    public static readonly string[] Keys = ["Postgres"];

    internal static JournalOptions Read(SettingsReader reader) => new(reader.Text($"{Section}:Postgres"));
}
