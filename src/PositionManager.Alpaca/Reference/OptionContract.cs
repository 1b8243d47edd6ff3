using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Reference;

/// <summary>
/// An option contract as the broker describes it. <see cref="Symbol"/>, <see cref="RootSymbol"/>,
/// <see cref="Type"/>, <see cref="ExpirationDate"/> and <see cref="StrikePrice"/> were checked
/// against the OCC symbol asked for; <see cref="UnderlyingSymbol"/> is the broker's word alone.
/// </summary>
/// <param name="Tradable">Alpaca's <c>tradable</c>; absent when the answer has none.</param>
/// <param name="Id">Alpaca's contract id; absent when the answer has none.</param>
/// <param name="Size">Alpaca's <c>size</c> (shares per contract, "100"); absent when the answer has none.</param>
public sealed record OptionContract(
    string Symbol,
    string UnderlyingSymbol,
    string RootSymbol,
    OptionRight Type,
    DateOnly ExpirationDate,
    decimal StrikePrice,
    ContractStatus Status,
    bool? Tradable,
    string? Id,
    decimal? Size);
