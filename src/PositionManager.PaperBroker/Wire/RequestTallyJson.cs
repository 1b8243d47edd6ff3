namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /_paper/requests</c>: Alpaca requests answered since the start or the last clear.</summary>
public sealed record RequestTallyJson(long TradingRequests, long TradingRateLimited, long MarketDataRequests, IReadOnlyList<RouteRequestsJson> Routes);

/// <param name="Route">The method and route template, e.g. <c>POST /v2/orders</c>.</param>
/// <param name="Api"><c>trading</c> or <c>market_data</c>: Alpaca counts them in separate budgets.</param>
public sealed record RouteRequestsJson(string Route, string Api, long Requests, long RateLimited);
