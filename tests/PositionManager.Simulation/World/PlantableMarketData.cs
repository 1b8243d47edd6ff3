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
    private TaskCompletionSource _answered = NewSignal();

    /// <summary>
    /// Completes when the broker next answers a quote request, success or failure: the runner waits
    /// on this for a feed poll to come back instead of looking again after a pause.
    /// </summary>
    public Task NextAnswer => Volatile.Read(ref _answered).Task;

    public async Task<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        BrokerResult<IReadOnlyDictionary<string, MarketQuote>> answer;
        try
        {
            answer = await inner.GetLatestQuotesAsync(symbols, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _answered, NewSignal()).TrySetResult();
        }

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

    /// <summary>Waits for <see cref="NextAnswer"/> at most <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(Task answer, TimeSpan timeout)
    {
        try
        {
            await answer.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Nothing answered in time: the caller looks at what it waits for and decides.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> GetLatestTradesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        inner.GetLatestTradesAsync(symbols, cancellationToken);
}
