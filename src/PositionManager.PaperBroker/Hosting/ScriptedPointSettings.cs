namespace PositionManager.PaperBroker.Hosting;

/// <summary>One scripted bid/ask, holding from <see cref="AtSeconds"/> after start.</summary>
public sealed class ScriptedPointSettings
{
    public double AtSeconds { get; set; }

    public decimal Bid { get; set; }

    public decimal Ask { get; set; }
}
