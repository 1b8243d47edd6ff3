using System.Globalization;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// Clock, calendar and contract answers to broker values. As in <see cref="WireMapping"/>, a missing,
/// unreadable or self-contradicting field makes the whole answer Malformed, naming every problem
/// (docs/DESIGN.md invariant 8): the market's hours decide whether an exit may trade.
/// </summary>
internal static class ReferenceMapping
{
    public static BrokerResult<BrokerClock> ToClock(ClockJson? json)
    {
        if (json is null)
        {
            return new BrokerFailure.Malformed("clock: null where a clock object was expected");
        }

        var problems = new List<string>();
        var hasTimestamp = Instant(problems, json.Timestamp, "timestamp", out var timestamp);
        var hasOpen = Instant(problems, json.NextOpen, "next_open", out var nextOpen);
        var hasClose = Instant(problems, json.NextClose, "next_close", out var nextClose);
        Check(problems, json.IsOpen is not null, "is_open is missing");
        if (hasTimestamp && hasOpen && hasClose && json.IsOpen is { } isOpen)
        {
            // Alpaca's next times are "inclusive of timestamp": never before it.
            Check(problems, nextOpen >= timestamp, $"next_open {json.NextOpen} is before timestamp {json.Timestamp}");
            Check(problems, nextClose >= timestamp, $"next_close {json.NextClose} is before timestamp {json.Timestamp}");

            // Open: this session closes before the next one opens. Closed: the next open comes first.
            Check(
                problems,
                isOpen == (nextClose < nextOpen),
                $"is_open {(isOpen ? "true" : "false")} contradicts next_open {json.NextOpen} and next_close {json.NextClose}");
        }

        if (problems.Count > 0)
        {
            return new BrokerFailure.Malformed($"clock: {string.Join("; ", problems)}");
        }

        return BrokerResult<BrokerClock>.Success(new BrokerClock(timestamp, json.IsOpen!.Value, nextOpen, nextClose));
    }

    /// <summary>Every day must read whole, lie in the range asked for, and come after the one before it.</summary>
    public static BrokerResult<IReadOnlyList<TradingSession>> ToSessions(IReadOnlyList<CalendarDayJson?>? days, DateOnly start, DateOnly end)
    {
        if (days is null)
        {
            return new BrokerFailure.Malformed("calendar: null where an array was expected");
        }

        var sessions = new List<TradingSession>(days.Count);
        DateOnly? previous = null;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (day is null)
            {
                return new BrokerFailure.Malformed($"calendar entry {i}: null where a calendar day was expected");
            }

            var problems = new List<string>();
            var session = ToSession(day, problems);
            if (session is not null)
            {
                Check(problems, session.Date >= start && session.Date <= end, $"date {day.Date} is outside {WireDate(start)}..{WireDate(end)}");
                Check(problems, previous is null || session.Date > previous, $"date {day.Date} does not follow {(previous is { } p ? WireDate(p) : "")}");
            }

            if (problems.Count > 0)
            {
                return new BrokerFailure.Malformed($"calendar entry {i} ({day.Date ?? "no date"}): {string.Join("; ", problems)}");
            }

            sessions.Add(session!);
            previous = session!.Date;
        }

        return BrokerResult<IReadOnlyList<TradingSession>>.Success(sessions);
    }

    /// <summary>The contract must be the one asked for: its symbol, and the root, right, expiry and strike that symbol spells.</summary>
    public static BrokerResult<OptionContract> ToContract(OptionContractJson? json, OptionSymbol asked)
    {
        if (json is null)
        {
            return new BrokerFailure.Malformed("option contract: null where a contract object was expected");
        }

        var problems = new List<string>();
        OptionRight? type = json.Type switch
        {
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => null,
        };
        ContractStatus? status = json.Status switch
        {
            "active" => ContractStatus.Active,
            "inactive" => ContractStatus.Inactive,
            _ => null,
        };
        var hasExpiry = NewYorkTime.TryParseDate(json.ExpirationDate, out var expiry);
        Check(problems, json.Symbol == asked.Value, $"symbol '{json.Symbol}' is not {asked.Value}");
        Check(problems, IsTicker(json.UnderlyingSymbol), $"underlying_symbol '{json.UnderlyingSymbol}' is missing or not a symbol");
        Check(problems, json.RootSymbol == asked.Root, $"root_symbol '{json.RootSymbol}' is not {asked.Value}'s root {asked.Root}");
        Check(problems, type is not null, $"type '{json.Type}' is not call or put");
        Check(problems, type is null || type == asked.Right, $"type '{json.Type}' contradicts {asked.Value}");
        Check(problems, hasExpiry, $"expiration_date '{json.ExpirationDate}' is missing or not YYYY-MM-DD");
        Check(problems, !hasExpiry || expiry == asked.Expiry, $"expiration_date {json.ExpirationDate} contradicts {asked.Value}");
        Check(problems, json.StrikePrice is > 0, $"strike_price '{json.StrikePrice}' is missing or not positive");
        Check(problems, json.StrikePrice is not > 0 || json.StrikePrice == asked.Strike, $"strike_price {json.StrikePrice} contradicts {asked.Value}");
        Check(problems, status is not null, $"status '{json.Status}' is not active or inactive");
        Check(problems, json.Size is null or > 0, $"size '{json.Size}' is not positive");
        if (problems.Count > 0)
        {
            return new BrokerFailure.Malformed($"option contract {json.Symbol ?? "(no symbol)"}: {string.Join("; ", problems)}");
        }

        return BrokerResult<OptionContract>.Success(new OptionContract(
            json.Symbol!,
            json.UnderlyingSymbol!,
            json.RootSymbol!,
            type!.Value,
            expiry,
            json.StrikePrice!.Value,
            status!.Value,
            json.Tradable,
            string.IsNullOrEmpty(json.Id) ? null : json.Id,
            json.Size));
    }

    private static TradingSession? ToSession(CalendarDayJson day, List<string> problems)
    {
        if (!NewYorkTime.TryParseDate(day.Date, out var date))
        {
            problems.Add($"date '{day.Date}' is missing or not YYYY-MM-DD");
            return null;
        }

        var open = WallInstant(problems, date, day.Open, "open", required: true);
        var close = WallInstant(problems, date, day.Close, "close", required: true);
        var extendedOpen = WallInstant(problems, date, day.SessionOpen, "session_open", required: false);
        var extendedClose = WallInstant(problems, date, day.SessionClose, "session_close", required: false);
        if (open is { } o && close is { } c)
        {
            Check(problems, o < c, $"close {day.Close} is not after open {day.Open}");
        }

        return problems.Count == 0 ? new TradingSession(date, open!.Value, close!.Value, extendedOpen, extendedClose) : null;
    }

    private static DateTimeOffset? WallInstant(List<string> problems, DateOnly date, string? text, string field, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                problems.Add($"{field} is missing");
            }

            return null;
        }

        if (!NewYorkTime.TryParseWallTime(text, out var time))
        {
            problems.Add($"{field} '{text}' is not HH:MM (or HHMM)");
            return null;
        }

        if (!NewYorkTime.TryInstant(date, time, out var instant, out var problem))
        {
            problems.Add($"{field}: {problem}");
            return null;
        }

        return instant;
    }

    private static bool Instant(List<string> problems, string? text, string field, out DateTimeOffset instant)
    {
        if (WireInstant.TryParse(text, out instant))
        {
            return true;
        }

        problems.Add(text is null ? $"{field} is missing" : $"{field} '{text}' is not an RFC 3339 time with an offset");
        return false;
    }

    /// <summary>A ticker as Alpaca spells one: upper-case letters, digits, '.' or '/', e.g. BRK.B.</summary>
    private static bool IsTicker(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 &&
        text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '/');

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }

    /// <summary>A date as Alpaca's query parameters and answers write it: YYYY-MM-DD.</summary>
    public static string WireDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
