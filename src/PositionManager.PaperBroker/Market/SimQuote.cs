namespace PositionManager.PaperBroker.Market;

/// <summary>One simulated top of book. <see cref="Time"/> is when this quote was set.</summary>
public sealed record SimQuote(DateTimeOffset Time, decimal Bid, decimal Ask, int BidSize, int AskSize)
{
    public decimal Mid => Math.Round((Bid + Ask) / 2m, 4, MidpointRounding.AwayFromZero);
}
