namespace PositionManager.PaperBroker.Wire;

/// <summary>Body of <c>PUT /_paper/quotes/{symbol}</c>: this bid/ask holds from now on.</summary>
public sealed record SetQuoteJson(decimal Bid, decimal Ask, int? BidSize, int? AskSize);
