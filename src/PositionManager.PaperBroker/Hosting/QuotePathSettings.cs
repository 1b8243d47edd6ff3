namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// One symbol's quote path from configuration. <see cref="Kind"/>: <c>scripted</c> (the
/// <see cref="Points"/>), <c>random_walk</c> (seeded), or <c>csv</c> (<see cref="CsvPath"/>).
/// </summary>
public sealed class QuotePathSettings
{
    public string Symbol { get; set; } = "";

    public string Kind { get; set; } = "random_walk";

    public List<ScriptedPointSettings> Points { get; set; } = [];

    public int? Seed { get; set; }

    public decimal StartMid { get; set; } = 5m;

    public double Volatility { get; set; } = 0.01;

    public TimeSpan Step { get; set; } = TimeSpan.FromSeconds(1);

    public decimal SpreadFraction { get; set; } = 0.04m;

    public string? CsvPath { get; set; }
}
