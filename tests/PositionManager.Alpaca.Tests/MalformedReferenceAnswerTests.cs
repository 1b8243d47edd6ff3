using System.Net;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// Alpaca's published samples read as they should, and docs/DESIGN.md invariant 8 holds for the
/// clock, the calendar and contracts: an answer we cannot fully read is Malformed, never a
/// default. The PaperBroker answers only well-formed JSON, so these bodies come from a stub handler.
/// </summary>
public sealed class MalformedReferenceAnswerTests
{
    private const string Clock = """{"timestamp":"2022-04-28T14:07:04.451420928-04:00","is_open":true,"next_open":"2022-04-29T09:30:00-04:00","next_close":"2022-04-28T16:00:00-04:00"}""";

    private static readonly OptionSymbol Aapl = OptionSymbol.Parse("AAPL250620C00100000");
    private static readonly DateOnly Start = new(1970, 1, 1);
    private static readonly DateOnly End = new(1970, 1, 8);
    private static readonly AlpacaSettings Settings = new("PKSTUBKEY", "stub-secret", new Uri("http://127.0.0.1:9/"));

    public static TheoryData<string, string> MalformedClocks => new()
    {
        { "is_open missing", """{"timestamp":"2022-04-28T14:07:04-04:00","next_open":"2022-04-29T09:30:00-04:00","next_close":"2022-04-28T16:00:00-04:00"}""" },
        { "is_open a string", Clock.Replace("\"is_open\":true", "\"is_open\":\"true\"", StringComparison.Ordinal) },
        { "a time without an offset", Clock.Replace("2022-04-28T16:00:00-04:00", "2022-04-28T16:00:00", StringComparison.Ordinal) },
        { "a date without a time", Clock.Replace("2022-04-29T09:30:00-04:00", "2022-04-29", StringComparison.Ordinal) },
        { "next_close before the timestamp", Clock.Replace("2022-04-28T16:00:00-04:00", "2022-04-28T13:00:00-04:00", StringComparison.Ordinal) },
        { "open, yet the next open comes first", Clock.Replace("2022-04-29T09:30:00-04:00", "2022-04-28T15:00:00-04:00", StringComparison.Ordinal) },
        { "closed, yet the next close comes first", Clock.Replace("\"is_open\":true", "\"is_open\":false", StringComparison.Ordinal) },
        { "not JSON", "<html>Bad Gateway</html>" },
        { "empty body", "" },
        { "JSON null", "null" },
    };

    public static TheoryData<string, string> MalformedCalendars => new()
    {
        { "a date outside the range asked", Days(Day("1970-01-09")) },
        { "dates out of order", Days(Day("1970-01-05"), Day("1970-01-02")) },
        { "a date twice", Days(Day("1970-01-02"), Day("1970-01-02")) },
        { "close before open", Days(Day("1970-01-02", open: "16:00", close: "09:30")) },
        { "a time not HH:MM", Days(Day("1970-01-02", open: "9:30am")) },
        { "an hour past 23", Days(Day("1970-01-02", close: "24:00")) },
        { "close missing", """[{"date":"1970-01-02","open":"09:30"}]""" },
        { "an unreadable session_open", Days(Day("1970-01-02", sessionOpen: "4am")) },
        { "a date in another format", Days(Day("01/02/1970")) },
        { "null entry", "[null]" },
        { "not an array", """{"calendar":[]}""" },
    };

    public static TheoryData<string, string> MalformedContracts => new()
    {
        { "another contract", Contract(symbol: "AAPL250620C00105000") },
        { "underlying missing", Contract(underlying: null) },
        { "underlying empty", Contract(underlying: "\"\"") },
        { "root not the symbol's", Contract(root: "\"AAPL1\"") },
        { "type neither call nor put", Contract(type: "\"straddle\"") },
        { "type contradicts the symbol", Contract(type: "\"put\"") },
        { "expiry contradicts the symbol", Contract(expiry: "\"2025-06-27\"") },
        { "expiry not a date", Contract(expiry: "\"June 20\"") },
        { "strike contradicts the symbol", Contract(strike: "\"105\"") },
        { "strike not a number", Contract(strike: "\"one hundred\"") },
        { "strike missing", Contract(strike: null) },
        { "unknown status", Contract(status: "\"halted\"") },
        { "JSON null", "null" },
    };

    [Fact]
    public async Task Alpacas_sample_clock_reads_with_its_nanoseconds_and_offsets()
    {
        var clock = await Client(Clock).GetClockAsync(CancellationToken.None);

        Assert.True(clock.IsSuccess, clock.Failure?.Message);
        var offset = TimeSpan.FromHours(-4);
        Assert.Equal(new BrokerClock(
            new DateTimeOffset(2022, 4, 28, 14, 7, 4, offset).AddTicks(4514209),
            true,
            new DateTimeOffset(2022, 4, 29, 9, 30, 0, offset),
            new DateTimeOffset(2022, 4, 28, 16, 0, 0, offset)), clock.Value);
    }

    [Fact]
    public async Task Alpacas_sample_of_a_closed_market_reads_as_closed()
    {
        var clock = await Client("""{"timestamp":"2024-03-22T16:36:27.528041708-04:00","is_open":false,"next_open":"2024-03-25T09:30:00-04:00","next_close":"2024-03-25T16:00:00-04:00"}""")
            .GetClockAsync(CancellationToken.None);

        Assert.True(clock.IsSuccess, clock.Failure?.Message);
        Assert.False(clock.Value!.IsOpen);
        Assert.Equal(new DateTimeOffset(2024, 3, 25, 13, 30, 0, TimeSpan.Zero), clock.Value.NextOpen);
    }

    [Theory]
    [MemberData(nameof(MalformedClocks))]
    public async Task An_unreadable_clock_is_malformed(string problem, string body)
    {
        var clock = await Client(body).GetClockAsync(CancellationToken.None);

        Assert.True(clock.Failure is BrokerFailure.Malformed, $"{problem}: {clock.Failure?.ToString() ?? "success"}");
    }

    [Fact]
    public async Task Alpacas_sample_calendar_reads_with_its_compact_session_times()
    {
        var body = """
            [{"date":"1970-01-02","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"1970-01-06"},
             {"date":"1970-01-05","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"1970-01-07"},
             {"date":"1970-01-06","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"1970-01-08"},
             {"date":"1970-01-07","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"1970-01-09"},
             {"date":"1970-01-08","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"1970-01-12"}]
            """;

        var calendar = await Client(body).GetCalendarAsync(Start, End, CancellationToken.None);

        Assert.True(calendar.IsSuccess, calendar.Failure?.Message);
        Assert.Equal(5, calendar.Value!.Count);
        var first = calendar.Value[0];
        var est = TimeSpan.FromHours(-5);
        Assert.Equal(new TradingSession(
            new DateOnly(1970, 1, 2),
            new DateTimeOffset(1970, 1, 2, 9, 30, 0, est),
            new DateTimeOffset(1970, 1, 2, 16, 0, 0, est),
            new DateTimeOffset(1970, 1, 2, 4, 0, 0, est),
            new DateTimeOffset(1970, 1, 2, 20, 0, 0, est)), first);
    }

    [Fact]
    public async Task A_calendar_without_session_times_or_without_days_reads()
    {
        // The older reference shows only date, open and close (and settlement_date); a range of
        // weekend days has no session at all.
        var plain = await Client("""[{"date":"1970-01-02","open":"09:30","close":"16:00"}]""").GetCalendarAsync(Start, End, CancellationToken.None);
        var empty = await Client("[]").GetCalendarAsync(Start, End, CancellationToken.None);

        Assert.True(plain.IsSuccess, plain.Failure?.Message);
        Assert.Null(Assert.Single(plain.Value!).ExtendedHoursOpen);
        Assert.True(empty.IsSuccess, empty.Failure?.Message);
        Assert.Empty(empty.Value!);
    }

    [Theory]
    [MemberData(nameof(MalformedCalendars))]
    public async Task An_unreadable_calendar_is_malformed(string problem, string body)
    {
        var calendar = await Client(body).GetCalendarAsync(Start, End, CancellationToken.None);

        Assert.True(calendar.Failure is BrokerFailure.Malformed, $"{problem}: {calendar.Failure?.ToString() ?? "success"}");
    }

    [Fact]
    public async Task Alpacas_sample_contract_reads_field_by_field()
    {
        var contract = await Client(Contract()).GetContractAsync(Aapl, CancellationToken.None);

        Assert.True(contract.IsSuccess, contract.Failure?.Message);
        Assert.Equal(new OptionContract(
            "AAPL250620C00100000", "AAPL", "AAPL", OptionRight.Call, new DateOnly(2025, 6, 20), 100m, ContractStatus.Active, true,
            "98359ef7-5124-49f3-85ea-5cf02df6defa", 100m), contract.Value);
    }

    [Theory]
    [MemberData(nameof(MalformedContracts))]
    public async Task An_unreadable_contract_is_malformed(string problem, string body)
    {
        var contract = await Client(body).GetContractAsync(Aapl, CancellationToken.None);

        Assert.True(contract.Failure is BrokerFailure.Malformed, $"{problem}: {contract.Failure?.ToString() ?? "success"}");
    }

    private static AlpacaReferenceClient Client(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(new HttpClient(new StubHandler(status, body)), Settings, TimeProvider.System, new RequestBudget(TimeProvider.System));

    private static string Days(params string[] days) => "[" + string.Join(",", days) + "]";

    private static string Day(string date, string open = "09:30", string close = "16:00", string sessionOpen = "0400") =>
        $$"""{"date":"{{date}}","open":"{{open}}","close":"{{close}}","session_open":"{{sessionOpen}}","session_close":"2000"}""";

    /// <summary>Alpaca's sample contract (its reference, "Get an option contract by ID or Symbol"), one field changed at a time.</summary>
    private static string Contract(
        string symbol = "AAPL250620C00100000",
        string? underlying = "\"AAPL\"",
        string? root = "\"AAPL\"",
        string? type = "\"call\"",
        string? expiry = "\"2025-06-20\"",
        string? strike = "\"100\"",
        string? status = "\"active\"")
    {
        var fields = new List<string>
        {
            "\"id\":\"98359ef7-5124-49f3-85ea-5cf02df6defa\"",
            $"\"symbol\":\"{symbol}\"",
            "\"name\":\"AAPL Jun 20 2025 100 Call\"",
            "\"tradable\":true",
            "\"underlying_asset_id\":\"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415\"",
            "\"style\":\"american\"",
            "\"size\":\"100\"",
            "\"open_interest\":\"237\",\"open_interest_date\":\"2023-12-11\",\"close_price\":\"148.38\",\"close_price_date\":\"2023-12-11\"",
        };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add($"\"{name}\":{value}");
            }
        }

        Add("status", status);
        Add("expiration_date", expiry);
        Add("underlying_symbol", underlying);
        Add("type", type);
        Add("strike_price", strike);
        Add("root_symbol", root);
        return "{" + string.Join(",", fields) + "}";
    }
}
