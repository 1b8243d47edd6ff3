using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary>Every failure kind produced by the real PaperBroker over loopback HTTP, armed through its control API.</summary>
public sealed class FailureMappingTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task A_429_is_rate_limited_until_the_reset_header_and_the_next_call_waits_for_it()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        var clock = new FakeTimeProvider(TestBroker.Start);
        var client = broker.Client(time: clock);
        await broker.ArmFaultsAsync("""{"rate_limit_next":1}""");

        var limited = await client.GetPositionAsync(Call, CancellationToken.None);

        // The broker's window is the clock minute: at 15:00:00 it resets at 15:01:00.
        var rateLimited = Assert.IsType<BrokerFailure.RateLimited>(limited.Failure);
        Assert.Equal(TestBroker.Start.AddMinutes(1), rateLimited.RetryAt);

        var next = client.GetPositionAsync(Call, CancellationToken.None);
        Assert.False(next.IsCompleted); // held by X-RateLimit-Remaining: 0 until the reset
        broker.Clock.Advance(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        var answered = await next.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(answered.IsSuccess, answered.Failure?.Message);
    }

    [Fact]
    public async Task A_5xx_on_submit_is_ambiguous()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        await broker.ArmFaultsAsync("""{"server_error_next":1,"server_error_status":503}""");

        var placed = await broker.Client().SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);

        var ambiguous = Assert.IsType<BrokerFailure.Ambiguous>(placed.Failure);
        Assert.Contains("503", ambiguous.Message);
        Assert.Contains("client_order_id", ambiguous.Message);
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_transient()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.ArmFaultsAsync("""{"server_error_next":2}""");
        var client = broker.Client();

        Assert.IsType<BrokerFailure.Transient>((await client.ListPositionsAsync(CancellationToken.None)).Failure);
        Assert.IsType<BrokerFailure.Transient>((await client.GetOrderByClientOrderIdAsync("pm-x", CancellationToken.None)).Failure);
    }

    [Fact]
    public async Task A_500_after_the_order_was_created_is_ambiguous_and_the_order_is_found_by_its_client_order_id()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        await broker.ArmFaultsAsync("""{"ambiguous_next":1,"ambiguous_mode":"error"}""");
        var client = broker.Client();
        var exit = AnExit.SellToClose(Call, 1);

        var placed = await client.SubmitOrderAsync(exit, CancellationToken.None);

        Assert.IsType<BrokerFailure.Ambiguous>(placed.Failure);
        var found = await client.GetOrderByClientOrderIdAsync(exit.ClientOrderId, CancellationToken.None);
        Assert.Equal(exit.ClientOrderId, found.Value!.ClientOrderId);
        Assert.Equal(BrokerOrderStatus.Filled, found.Value.Status);
    }

    [Fact]
    public async Task A_connection_aborted_after_the_order_was_created_is_ambiguous_and_the_order_exists()
    {
        // The submit is the client's first request, on a new connection: .NET retries a request
        // only on a reused connection, and then Alpaca's answer would be 422 duplicate instead.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        await broker.ArmFaultsAsync("""{"ambiguous_next":1,"ambiguous_mode":"abort"}""");
        var client = broker.Client();
        var exit = AnExit.SellToClose(Call, 1);

        var placed = await client.SubmitOrderAsync(exit, CancellationToken.None);

        Assert.IsType<BrokerFailure.Ambiguous>(placed.Failure);
        var found = await client.GetOrderByClientOrderIdAsync(exit.ClientOrderId, CancellationToken.None);
        Assert.True(found.IsSuccess, found.Failure?.Message);
        Assert.Equal(exit.ClientOrderId, found.Value!.ClientOrderId);
    }

    [Fact]
    public async Task No_answer_within_the_http_timeout_is_ambiguous_for_a_submit_and_transient_for_a_read()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        await broker.ArmFaultsAsync("""{"latency_ms":5000}""");
        var client = broker.Client(httpTimeout: TimeSpan.FromMilliseconds(200));

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);
        var read = await client.GetPositionAsync(Call, CancellationToken.None);

        Assert.IsType<BrokerFailure.Ambiguous>(placed.Failure);
        Assert.IsType<BrokerFailure.Transient>(read.Failure);
    }

    [Fact]
    public async Task A_refused_connection_is_transient_even_for_a_submit()
    {
        // Nothing listens on the port any more: the request never left, so no order can exist.
        var broker = await TestBroker.StartAsync();
        var settings = broker.Settings;
        await broker.DisposeAsync();
        using var http = new HttpClient();
        var client = new AlpacaBrokerClient(http, settings, TimeProvider.System);

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);
        var read = await client.ListPositionsAsync(CancellationToken.None);

        Assert.IsType<BrokerFailure.Transient>(placed.Failure);
        Assert.IsType<BrokerFailure.Transient>(read.Failure);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_rather_than_fails()
    {
        await using var broker = await TestBroker.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => broker.Client().ListPositionsAsync(cancelled.Token));
    }
}
