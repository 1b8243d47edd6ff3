namespace PositionManager.Simulation.Scenarios;

/// <summary>Everything one run does, made from its seed alone.</summary>
/// <param name="Stock">Shares of an underlying the account holds: never to be traded.</param>
/// <param name="HandShort">An option contract a person shorted: to be left alone and alerted.</param>
/// <param name="FillDelay">How long the broker takes to fill (zero: at submission).</param>
/// <param name="PartialFillQty">Contracts per fill; null fills each order whole.</param>
public sealed record Scenario(
    int Index,
    int Seed,
    IReadOnlyList<ContractSetup> Contracts,
    string Stock,
    string? HandShort,
    TimeSpan FillDelay,
    int? PartialFillQty,
    IReadOnlyList<Step> Steps)
{
    public IEnumerable<string> Symbols =>
        Contracts.Select(c => c.Symbol).Append(Stock).Concat(HandShort is null ? [] : [HandShort]);

    public bool RestartsTheNode => Steps.Any(s => s is Step.NodeRestart);
}
