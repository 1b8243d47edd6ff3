using System.Collections.Concurrent;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;

namespace PositionManager.Simulation.World;

/// <summary>
/// The real market-data client, and the test-only seam of <see cref="PlantedBug.FreezesPrices"/>:
/// with it planted, every symbol keeps the bid and ask of its first answer while the time stamps stay
/// fresh, so no stop is ever seen crossed. With <see cref="PlantedBug.None"/> it forwards unchanged.
/// </summary>
public sealed class PlantableMarketData(IMarketData inner, Func<PlantedBug> bug) : IMarketData
{
    private readonly ConcurrentDictionary<string, MarketQuote> _first = new(StringComparer.Ordinal);

    public async Task<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        var answer = await inner.GetLatestQuotesAsync(symbols, cancellationToken);
        if (bug() != PlantedBug.FreezesPrices || answer.Value is not { } quotes)
        {
            return answer;
        }

        var frozen = quotes.ToDictionary(
            q => q.Key,
            q => _first.GetOrAdd(q.Key, q.Value) with { Time = q.Value.Time },
            StringComparer.Ordinal);
        return BrokerResult<IReadOnlyDictionary<string, MarketQuote>>.Success(frozen);
    }

    public Task<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> GetLatestTradesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        inner.GetLatestTradesAsync(symbols, cancellationToken);
}
