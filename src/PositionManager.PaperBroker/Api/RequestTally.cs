using System.Collections.Concurrent;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Every Alpaca request the broker answered, by route (<c>GET /v2/positions/{symbol_or_asset_id}</c>),
/// with the 429s among them: how a benchmark or a test counts what each exit cost.
/// </summary>
public sealed class RequestTally
{
    private readonly ConcurrentDictionary<string, Counts> _byRoute = new(StringComparer.Ordinal);

    public void Record(string route, bool trading, bool rateLimited)
    {
        var counts = _byRoute.GetOrAdd(route, _ => new Counts(trading));
        Interlocked.Increment(ref counts.Requests);
        if (rateLimited)
        {
            Interlocked.Increment(ref counts.RateLimited);
        }
    }

    public void Clear() => _byRoute.Clear();

    public RequestTallyJson Snapshot()
    {
        var routes = _byRoute
            .Select(r => new RouteRequestsJson(r.Key, r.Value.Trading ? "trading" : "market_data", Volatile.Read(ref r.Value.Requests), Volatile.Read(ref r.Value.RateLimited)))
            .OrderBy(r => r.Route, StringComparer.Ordinal)
            .ToList();
        return new RequestTallyJson(
            routes.Where(r => r.Api == "trading").Sum(r => r.Requests),
            routes.Where(r => r.Api == "trading").Sum(r => r.RateLimited),
            routes.Where(r => r.Api == "market_data").Sum(r => r.Requests),
            routes);
    }

    private sealed class Counts(bool trading)
    {
        public readonly bool Trading = trading;
        public long Requests;
        public long RateLimited;
    }
}
