namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Console</c>: whether the node prints each position's trail and exits as they
/// happen, and how the browser console's charts sample open positions.
/// </summary>
/// <param name="ChartSampleInterval">How often each open position's watched price, peak and stop are sampled for the charts; zero: never.</param>
/// <param name="ChartSamples">Samples kept per position (the newest; 300 at 2 s is ten minutes).</param>
public sealed record ConsoleOptions(bool Watch, TimeSpan WatchInterval, TimeSpan ChartSampleInterval, int ChartSamples)
{
    public const string Section = "PositionManager:Console";

    public static readonly string[] Keys = ["Watch", "WatchInterval", "ChartSampleInterval", "ChartSamples"];

    internal static ConsoleOptions Read(SettingsReader reader)
    {
        var sampleKey = $"{Section}:ChartSampleInterval";
        var sampling = reader.Duration(sampleKey, TimeSpan.FromSeconds(2), TimeSpan.Zero);
        if (sampling > TimeSpan.Zero && sampling < TimeSpan.FromMilliseconds(200))
        {
            reader.Problem(sampleKey, $"{SettingsReader.Seconds(sampling)} is shorter than the minimum of 0.2s (0 switches sampling off)");
            sampling = TimeSpan.FromSeconds(2);
        }

        return new(
            reader.Boolean($"{Section}:Watch", false),
            reader.Duration($"{Section}:WatchInterval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200)),
            sampling,
            reader.Number($"{Section}:ChartSamples", 300, 10, 10_000, "a number of samples (10-10000)"));
    }
}
