namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:Console</c>: whether the node prints each position's trail and exits as they happen.</summary>
public sealed record ConsoleOptions(bool Watch, TimeSpan WatchInterval)
{
    public const string Section = "PositionManager:Console";

    public static readonly string[] Keys = ["Watch", "WatchInterval"];

    internal static ConsoleOptions Read(SettingsReader reader) =>
        new(reader.Boolean($"{Section}:Watch", false), reader.Duration($"{Section}:WatchInterval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200)));
}
