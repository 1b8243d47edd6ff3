namespace PositionManager.Node.WebConsole;

/// <summary>A position's watched price, peak and stop as the node saw them at one moment.</summary>
internal readonly record struct PriceSample(DateTimeOffset At, decimal Price, decimal Peak, decimal? Stop);
