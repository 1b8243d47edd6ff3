using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.PaperBroker.Hosting;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// <see cref="AlpacaReferenceClient"/>'s clock and calendar against the PaperBroker over loopback
/// HTTP. Thanksgiving week 2026 (New York at -05:00): Tuesday 24th 10:00 is the start, Thursday
/// 26th a holiday, Friday 27th an early close at 13:00.
/// </summary>
public sealed class MarketCalendarTests
{
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);

    private static void Sessions(PaperBrokerOptions o)
    {
        o.MarketAlwaysOpen = false;
        o.MarketHolidays = [new DateOnly(2026, 11, 26)];
        o.MarketEarlyCloses = [new DateOnly(2026, 11, 27)];
    }

    [Fact]
    public async Task An_open_session_is_read_as_real_instants_with_new_yorks_offset()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var clock = await broker.Reference().GetClockAsync(CancellationToken.None);

        Assert.True(clock.IsSuccess, clock.Failure?.Message);
        Assert.Equal(new BrokerClock(
            TestBroker.Start,
            true,
            new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero)), clock.Value);
        Assert.Equal(NewYorkWinter, clock.Value!.NextClose.Offset);
    }

    [Fact]
    public async Task After_an_early_close_the_clock_is_closed_until_the_next_session()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);
        broker.Host.Advance(new TimeSpan(75, 0, 0)); // Friday 13:00

        var clock = (await broker.Reference().GetClockAsync(CancellationToken.None)).Value!;

        Assert.False(clock.IsOpen);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, NewYorkWinter), clock.NextOpen);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, NewYorkWinter), clock.NextClose);
    }

    [Fact]
    public async Task The_demo_market_reads_as_open_with_its_next_close_a_year_away()
    {
        await using var broker = await TestBroker.StartAsync(); // no schedule settings: the demo

        var clock = (await broker.Reference().GetClockAsync(CancellationToken.None)).Value!;

        Assert.True(clock.IsOpen);
        Assert.Equal(new DateTimeOffset(2027, 11, 24, 23, 59, 0, NewYorkWinter), clock.NextClose);
        Assert.True(clock.NextOpen > clock.NextClose);
    }

    [Fact]
    public async Task The_calendar_has_no_holiday_and_the_early_close_as_its_real_close()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var calendar = await broker.Reference().GetCalendarAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), CancellationToken.None);

        Assert.True(calendar.IsSuccess, calendar.Failure?.Message);
        var sessions = calendar.Value!;
        Assert.Equal(
            [new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30)],
            sessions.Select(s => s.Date));
        Assert.Equal(new TradingSession(
            new DateOnly(2026, 11, 24),
            new DateTimeOffset(2026, 11, 24, 9, 30, 0, NewYorkWinter),
            new DateTimeOffset(2026, 11, 24, 16, 0, 0, NewYorkWinter),
            new DateTimeOffset(2026, 11, 24, 4, 0, 0, NewYorkWinter),
            new DateTimeOffset(2026, 11, 24, 20, 0, 0, NewYorkWinter)), sessions[1]);
        var friday = sessions[3];
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero), friday.Close);
        Assert.True(friday.IsOpenAt(new DateTimeOffset(2026, 11, 27, 12, 59, 59, NewYorkWinter)));
        Assert.False(friday.IsOpenAt(friday.Close));
    }

    [Fact]
    public async Task Sessions_across_the_change_to_daylight_saving_keep_their_new_york_hours()
    {
        // New York moves to -04:00 on Sunday 2027-03-14: 09:30 is 14:30Z on Friday, 13:30Z on Monday.
        await using var broker = await TestBroker.StartAsync(Sessions);

        var sessions = (await broker.Reference().GetCalendarAsync(new DateOnly(2027, 3, 12), new DateOnly(2027, 3, 15), CancellationToken.None)).Value!;

        Assert.Equal(
            [new DateTimeOffset(2027, 3, 12, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 13, 30, 0, TimeSpan.Zero)],
            sessions.Select(s => s.Open));
        Assert.Equal([TimeSpan.FromHours(-5), TimeSpan.FromHours(-4)], sessions.Select(s => s.Close.Offset));
    }

    [Fact]
    public async Task The_demo_calendar_reads_every_date_as_a_session_of_the_whole_day()
    {
        await using var broker = await TestBroker.StartAsync();

        var sessions = (await broker.Reference().GetCalendarAsync(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29), CancellationToken.None)).Value!;

        Assert.Equal(2, sessions.Count); // a Saturday and a Sunday
        Assert.All(sessions, s => Assert.Equal((new TimeOnly(0, 0), new TimeOnly(23, 59)), (TimeOnly.FromTimeSpan(s.Open.TimeOfDay), TimeOnly.FromTimeSpan(s.Close.TimeOfDay))));
    }

    [Fact]
    public async Task Clock_calendar_and_contract_reads_spend_the_trading_clients_budget()
    {
        // One account, one budget: three requests a minute shared by the trading and reference clients,
        // as the server counts them too (its X-RateLimit-Limit would otherwise raise the client's).
        await using var broker = await TestBroker.StartAsync(o =>
        {
            Sessions(o);
            o.RateLimitPerMinute = 3;
        });
        var clock = new FakeTimeProvider(TestBroker.Start);
        var budget = new RequestBudget(clock, limit: 3);
        var trading = broker.Client(time: clock, budget: budget);
        var reference = broker.Reference(time: clock, budget: budget);

        Assert.True((await trading.ListPositionsAsync(CancellationToken.None)).IsSuccess);
        // Reference reads yield to the trading client's for a moment after each (RequestBudget.UrgentQuiet).
        clock.Advance(RequestBudget.UrgentQuiet);
        Assert.True((await reference.GetClockAsync(CancellationToken.None)).IsSuccess);
        Assert.True((await reference.GetCalendarAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), CancellationToken.None)).IsSuccess);

        Assert.False(budget.TryTake(out var wait), "the clock and calendar reads spent the trading client's budget");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        broker.Host.Advance(TimeSpan.FromMinutes(1));
        var answered = await reference.GetContractAsync(Domain.Symbols.OptionSymbol.Parse("SPY261218P00550000"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(answered.IsSuccess, answered.Failure?.Message);
        Assert.Null(answered.Value);
    }

    [Fact]
    public async Task Failures_map_as_the_trading_clients_do()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);
        var reference = broker.Reference();

        await broker.ArmFaultsAsync("""{"server_error_next":1}""");
        var serverError = await reference.GetClockAsync(CancellationToken.None);
        await broker.ArmFaultsAsync("""{"rate_limit_next":1}""");
        var limited = await reference.GetCalendarAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), CancellationToken.None);
        var refused = await broker.Reference(broker.SettingsWith(TestBroker.KeyId, "not-the-secret")).GetClockAsync(CancellationToken.None);

        Assert.IsType<BrokerFailure.Transient>(serverError.Failure);
        Assert.IsType<BrokerFailure.RateLimited>(limited.Failure);
        Assert.IsType<BrokerFailure.Unauthorized>(refused.Failure);
    }

    [Fact]
    public async Task A_calendar_that_ends_before_it_starts_is_a_callers_bug()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            broker.Reference().GetCalendarAsync(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 24), CancellationToken.None));
    }
}
