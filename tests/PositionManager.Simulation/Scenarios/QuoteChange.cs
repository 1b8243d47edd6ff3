namespace PositionManager.Simulation.Scenarios;

/// <param name="Contract">Which of the scenario's contracts: steps name contracts by place, so a re-run on fresh contracts replays them unchanged.</param>

/// <param name="Problem">What is wrong with this quote, if anything; the market's real price is <paramref name="Bid"/>/<paramref name="Ask"/> underneath.</param>
public sealed record QuoteChange(int Contract, decimal Bid, decimal Ask, QuoteProblem Problem = QuoteProblem.None);

public enum QuoteProblem
{
    None,
    Crossed,
    ZeroBid,
    Stale,
}
