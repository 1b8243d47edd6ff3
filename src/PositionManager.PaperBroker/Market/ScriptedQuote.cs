namespace PositionManager.PaperBroker.Market;

/// <summary>One point of a scripted path: from <see cref="At"/> after the path's start, this bid/ask holds.</summary>
public sealed record ScriptedQuote(TimeSpan At, decimal Bid, decimal Ask, int BidSize = 10, int AskSize = 10);
