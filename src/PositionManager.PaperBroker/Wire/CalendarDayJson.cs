namespace PositionManager.PaperBroker.Wire;

/// <summary>
/// One entry of <c>GET /v2/calendar</c>, as Alpaca's reference writes it: <c>open</c> and
/// <c>close</c> "HH:MM", <c>session_open</c> and <c>session_close</c> "HHMM" (New York wall times).
/// </summary>
public sealed record CalendarDayJson(string Date, string Open, string Close, string SessionOpen, string SessionClose, string SettlementDate);
