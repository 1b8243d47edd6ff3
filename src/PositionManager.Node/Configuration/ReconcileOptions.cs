namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:Reconcile</c>: how often the broker's positions are compared with ours.</summary>
public sealed record ReconcileOptions(TimeSpan Interval)
{
    public const string Section = "PositionManager:Reconcile";

    public static readonly string[] Keys = ["Interval"];

    // Each pass lists the account's positions: at least a second apart keeps the broker's
    // request budget (200 a minute) for the exits.
    internal static ReconcileOptions Read(SettingsReader reader) =>
        new(reader.Duration($"{Section}:Interval", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
}
