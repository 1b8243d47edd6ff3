using System.Net.Http.Headers;
using System.Text;
using Akka.Actor;
using PositionManager.Actors;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Market;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Reference;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Time;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The market's clock end to end: a node (clock, gateway, positions, feed, reconciler) reads
/// <c>/v2/clock</c> and <c>/v2/calendar</c> from a PaperBroker over HTTP whose market has weekday
/// sessions and whose manual clock the node shares (so the quotes it stamps are fresh to the
/// node). Advancing that clock crosses opens and closes.
/// </summary>
public sealed class MarketClockEndToEndTests : IAsyncLifetime
{
    private const string Call = "GOOGL261218C00340000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ExitPolicy TrailTenPercent = new(Trailing: TrailingStopRule.Percent(10));

    // Monday 2026-11-23 and Friday 2026-11-27 (a half day to 13:00), New York on EST.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Friday = new(2026, 11, 27);

    private readonly SettableQuotePath _quote = new(4.90m, 5.10m);
    private readonly SeverableLink _clockLink = new();
    private readonly MarketClockView _view = new();
    private ManualTimeProvider _time = null!;
    private GatewayBroker? _broker;
    private SystemNode? _node;
    private HttpClient? _clockHttp;

    [Fact]
    public async Task A_crossing_quote_while_the_clock_says_closed_sends_no_order_until_the_open_then_exactly_one()
    {
        await StartAsync(At(Monday, 9, 20), TrailTenPercent);
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open, Stop: 4.50m });

        _quote.Set(4.00m, 4.10m);
        await AfterTwoMorePollsAsync();
        await AfterTwoMorePollsAsync();
        var waiting = await StateAsync();
        Assert.Equal((PositionStatus.Open, (PendingExit?)null, 5.00m), (waiting.Status, waiting.PendingExit, waiting.Peak));
        Assert.Empty(Broker.Orders());

        Broker.Host.Advance(TimeSpan.FromMinutes(11));
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);

        var order = Assert.Single(Broker.Orders());
        Assert.Equal((Call, OrderSide.Sell, PositionIntent.SellToClose, 2m), (order.Symbol, order.Side, order.PositionIntent, order.Qty));
        Assert.Equal(ExitReason.TrailingStop.ToString(), (await HistoryExitReasonAsync()));
    }

    [Fact]
    public async Task A_manual_close_while_the_market_is_closed_is_held_in_the_gateway_and_sent_once_at_the_open()
    {
        await StartAsync(At(Monday, 9, 20), TrailTenPercent);
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open });

        var answer = await Node.Region.Ask<IPositionManagerMessage>(new PositionProtocol.RequestClose(Call), Patience);
        Assert.IsType<PositionProtocol.CommandAccepted>(answer);
        await Eventually.AssertAsync(async () => Assert.Equal(1, (await GatewayStatusAsync()).Queued), Patience);
        await AfterTwoMorePollsAsync();
        Assert.Equal(1, (await GatewayStatusAsync()).Queued);
        Assert.Empty(Broker.Orders());

        Broker.Host.Advance(TimeSpan.FromMinutes(11));
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);

        var order = Assert.Single(Broker.Orders());
        Assert.Equal((Call, PositionIntent.SellToClose, 2m), (order.Symbol, order.PositionIntent, order.FilledQty));
    }

    [Fact]
    public async Task A_half_day_moves_an_exit_minutes_before_the_close_to_its_real_close()
    {
        // ExitMinutesBeforeClose=15 given at the Actors level: due 12:45 on a 13:00 close, not 15:45.
        var policy = TrailTenPercent with { TimeExit = new TimeExitRule(MinutesBeforeClose: 15) };
        await StartAsync(At(Friday, 12, 40), policy, earlyClose: Friday);
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open });
        await Eventually.AssertAsync(() => Task.Run(() => Assert.Equal(NewYorkTime.At(Friday, new TimeOnly(13, 0)), _view.Hours.Calendar.SessionOn(Friday)?.Close)), Patience);

        Broker.Host.Advance(TimeSpan.FromMinutes(4));
        await AfterTwoMorePollsAsync();
        await AfterTwoMorePollsAsync();
        Assert.Empty(Broker.Orders());

        Broker.Host.Advance(TimeSpan.FromMinutes(2));
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);

        var order = Assert.Single(Broker.Orders());
        Assert.Equal((Call, PositionIntent.SellToClose, 2m), (order.Symbol, order.PositionIntent, order.Qty));
        Assert.Equal(ExitReason.TimeExit.ToString(), await HistoryExitReasonAsync());
    }

    [Fact]
    public async Task An_unreadable_clock_past_its_last_known_close_counts_the_market_closed_until_it_can_be_read()
    {
        await StartAsync(At(Monday, 15, 50), TrailTenPercent);
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open, Stop: 4.50m });
        _clockLink.Cut();
        await Eventually.AssertAsync(() => Task.Run(() => Assert.Equal(MarketClockCondition.Unreadable, _view.Hours.Condition)), Patience);

        // The broker's market now stays open past 16:00; the node, unable to read that, may not know it.
        await SetBrokerMarketAsync("""{"always_open":true}""");
        Broker.Host.Advance(TimeSpan.FromMinutes(11));
        _quote.Set(4.00m, 4.10m);
        await AfterTwoMorePollsAsync();
        await AfterTwoMorePollsAsync();
        Assert.False(_view.At(_time.GetUtcNow()).IsOpen);
        Assert.Equal(PositionStatus.Open, (await StateAsync()).Status);
        Assert.Empty(Broker.Orders());

        _clockLink.Restore();
        await Eventually.AssertAsync(() => Task.Run(() => Assert.True(_view.At(_time.GetUtcNow()).IsOpen)), Patience);
        Assert.Equal(MarketClockCondition.Readable, _view.Hours.Condition);

        // The feed repeats an unchanged quote after 10 s (of the shared manual clock).
        Broker.Host.Advance(TimeSpan.FromSeconds(15));
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);
        Assert.Single(Broker.Orders());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _clockHttp?.Dispose();
    }

    private GatewayBroker Broker => _broker!;

    private SystemNode Node => _node!;

    private async Task StartAsync(DateTimeOffset at, ExitPolicy policy, DateOnly? earlyClose = null)
    {
        _time = new ManualTimeProvider(at);
        _broker = await GatewayBroker.StartAsync(
            o =>
            {
                o.MarketAlwaysOpen = false;
                o.MarketEarlyCloses = earlyClose is { } day ? [day] : [];
            },
            _time);
        Broker.Host.Account.SeedPosition(Call, 2, 5.00m);
        Broker.Host.Market.SetPath(Call, _quote);

        _clockHttp = new HttpClient(_clockLink) { Timeout = TimeSpan.FromSeconds(10) };
        var reference = new AlpacaReferenceClient(_clockHttp, Broker.Settings, TimeProvider.System, new RequestBudget(TimeProvider.System));
        _node = await SystemNode.StartAsync(
            TestJournals.New(PersistenceBackend.Sqlite),
            Broker,
            GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) },
            reconcile: new ReconcilerSettings(TimeSpan.FromHours(1), PolicyBook.Only(policy)),
            prices: new PriceFeedSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)),
            market: new MarketClockSetup(reference, _view, MarketClockSettings.Default with { ReadInterval = TimeSpan.FromMilliseconds(200) }),
            clock: _time,
            positions: PositionSettings.Default with { ClockInterval = TimeSpan.FromMilliseconds(200) });
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute) => NewYorkTime.At(date, new TimeOnly(hour, minute));

    private async Task SetBrokerMarketAsync(string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Broker.Host.BaseUrl, "_paper/market"))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("APCA-API-KEY-ID", GatewayBroker.KeyId);
        request.Headers.Add("APCA-API-SECRET-KEY", GatewayBroker.Secret);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task<GatewayProtocol.GatewayStatus> GatewayStatusAsync() =>
        await Node.Gateway.Ask<GatewayProtocol.GatewayStatus>(GatewayProtocol.GetStatus.Instance, Patience);

    private async Task<string?> HistoryExitReasonAsync() =>
        (await GatewayStatusAsync()).RecentIntents.Single().Intent.Reason.ToString();

    private Task<PositionState> StateAsync() => Node.PositionStateAsync(Call);

    private Task ExpectStateAsync(Func<PositionState, bool> expected) => Node.ExpectPositionStateAsync(Call, expected);

    private Task AfterTwoMorePollsAsync() => Node.AfterTwoMorePollsAsync();
}
