namespace PositionManager.PaperBroker.Time;

/// <summary>One day of <c>GET /v2/calendar</c>, in New York wall times.</summary>
/// <param name="ExtendedOpen">Alpaca's <c>session_open</c>: the extended-hours day.</param>
/// <param name="ExtendedClose">Alpaca's <c>session_close</c>.</param>
/// <param name="SettlementDate">T+1: the next session's date.</param>
public sealed record MarketSession(DateOnly Date, TimeOnly Open, TimeOnly Close, TimeOnly ExtendedOpen, TimeOnly ExtendedClose, DateOnly SettlementDate);
