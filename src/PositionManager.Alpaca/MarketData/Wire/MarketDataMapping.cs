using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary>
/// Data answers to values. Any missing field, null entry or symbol we did not ask for makes the
/// whole answer Malformed, naming the problems: a partly read answer would silently price some
/// positions from nothing.
/// </summary>
internal static class MarketDataMapping
{
    /// <summary>A malformed answer names at most this many problems; the rest are counted.</summary>
    private const int ProblemsNamed = 5;

    public static BrokerResult<IReadOnlyDictionary<string, MarketQuote>> ToQuotes(LatestQuotesJson? json, IReadOnlySet<string> requested) =>
        Map(json?.Quotes, "quotes", requested, (symbol, quote, problems) =>
        {
            Require(problems, symbol, quote.Time is not null, "t");
            Require(problems, symbol, quote.BidPrice is not null, "bp");
            Require(problems, symbol, quote.AskPrice is not null, "ap");
            return quote is { Time: { } t, BidPrice: { } bid, AskPrice: { } ask } ? new MarketQuote(symbol, bid, ask, null, t) : null;
        });

    public static BrokerResult<IReadOnlyDictionary<string, OptionTrade>> ToTrades(LatestTradesJson? json, IReadOnlySet<string> requested) =>
        Map(json?.Trades, "trades", requested, (symbol, trade, problems) =>
        {
            Require(problems, symbol, trade.Time is not null, "t");
            Require(problems, symbol, trade.Price is not null, "p");
            return trade is { Time: { } t, Price: { } price } ? new OptionTrade(symbol, price, t) : null;
        });

    private static BrokerResult<IReadOnlyDictionary<string, TValue>> Map<TJson, TValue>(
        Dictionary<string, TJson?>? entries,
        string what,
        IReadOnlySet<string> requested,
        Func<string, TJson, List<string>, TValue?> read)
        where TJson : class
        where TValue : class
    {
        if (entries is null)
        {
            return new BrokerFailure.Malformed($"latest {what}: no \"{what}\" object in the answer");
        }

        var problems = new List<string>();
        var values = new Dictionary<string, TValue>(entries.Count, StringComparer.Ordinal);
        foreach (var (symbol, entry) in entries)
        {
            if (!requested.Contains(symbol))
            {
                problems.Add($"{symbol} was not asked for");
            }
            else if (entry is null)
            {
                problems.Add($"{symbol}: null where an object was expected");
            }
            else if (read(symbol, entry, problems) is { } value)
            {
                values[symbol] = value;
            }
        }

        if (problems.Count == 0)
        {
            return BrokerResult<IReadOnlyDictionary<string, TValue>>.Success(values);
        }

        var named = string.Join("; ", problems.Take(ProblemsNamed));
        var more = problems.Count > ProblemsNamed ? $" (and {problems.Count - ProblemsNamed} more)" : string.Empty;
        return new BrokerFailure.Malformed($"latest {what}: {named}{more}");
    }

    private static void Require(List<string> problems, string symbol, bool present, string field)
    {
        if (!present)
        {
            problems.Add($"{symbol}: {field} is missing");
        }
    }
}
