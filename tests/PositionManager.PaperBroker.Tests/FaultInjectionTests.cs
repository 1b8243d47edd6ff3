using System.Diagnostics;
using System.Net;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Next_n_requests_get_429_with_rate_limit_headers_then_pass()
    {
        await using var broker = await TestBroker.StartAsync();
        var armed = await broker.PostAsync("_paper/faults", """{"rate_limit_next":2}""");
        Assert.Equal(2, armed.Body.GetProperty("rate_limit_next").GetInt32());

        var first = await broker.GetAsync("v2/account");
        var second = await broker.GetAsync("v2/clock");
        var third = await broker.GetAsync("v2/account");

        JsonAssert.ErrorBody(first, 429, 42910000);
        JsonAssert.ErrorBody(second, 429, 42910000);
        Assert.Equal("0", first.Header("X-RateLimit-Remaining"));
        Assert.NotEmpty(first.Header("X-RateLimit-Limit"));
        Assert.NotEmpty(first.Header("X-RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Requests_past_the_budget_get_429_until_the_window_resets()
    {
        await using var broker = await TestBroker.StartAsync(o => o.RateLimitPerMinute = 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await broker.GetAsync("v2/clock")).Status);
        }

        broker.Host.Advance(TimeSpan.FromMinutes(1));
        statuses.Add((int)(await broker.GetAsync("v2/clock")).Status);

        Assert.Equal([200, 200, 429, 200], statuses);
    }

    [Fact]
    public async Task Next_n_requests_get_the_armed_5xx()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.PostAsync("_paper/faults", """{"server_error_next":1,"server_error_status":503}""");

        var failed = await broker.GetAsync("v2/positions");
        var next = await broker.GetAsync("v2/positions");

        JsonAssert.ErrorBody(failed, 503, 50010000);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Added_latency_delays_every_alpaca_answer()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Faults.Latency = TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        var reply = await broker.GetAsync("v2/clock");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Ambiguous_error_creates_the_order_but_answers_500()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Faults.FailNextOrdersAmbiguously(1, AmbiguousFailure.Error);

        var reply = await broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "ambiguous-1");
        var lookup = await broker.GetAsync("v2/orders:by_client_order_id?client_order_id=ambiguous-1");

        JsonAssert.ErrorBody(reply, 500, 50010000);
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        Assert.Equal("filled", lookup.Str("status"));
    }

    [Fact]
    public async Task Ambiguous_abort_creates_the_order_and_drops_the_connection()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.PostAsync("_paper/faults", """{"ambiguous_next":1,"ambiguous_mode":"abort"}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "ambiguous-2"));
        var lookup = await broker.GetAsync("v2/orders:by_client_order_id?client_order_id=ambiguous-2");

        Assert.Equal(HttpStatusCode.OK, lookup.Status);
    }

    [Fact]
    public async Task Forced_http_reject_is_403_and_creates_no_order()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.PostAsync("_paper/faults", """{"reject_next":1,"reject_kind":"http","reject_message":"simulated reject"}""");

        var reply = await broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "rejected-1");

        JsonAssert.ErrorBody(reply, 403, 40310000, "simulated reject");
        JsonAssert.ErrorBody(await broker.GetAsync("v2/orders:by_client_order_id?client_order_id=rejected-1"), 404, 40410000);
    }

    [Fact]
    public async Task Forced_order_reject_creates_a_rejected_order_that_never_fills()
    {
        await using var broker = await TestBroker.StartAsync(o => (o.Faults.RejectNext, o.Faults.RejectKind) = (1, RejectionKind.Order));

        var reply = await broker.SubmitAsync("AAPL", 1, "buy");
        broker.Host.Advance(TimeSpan.FromSeconds(5));
        var after = await broker.GetAsync($"v2/orders/{reply.Str("id")}");

        Assert.Equal("rejected", reply.Str("status"));
        Assert.Equal("rejected", after.Str("status"));
        Assert.Equal("0", after.Str("filled_qty"));
        Assert.Empty((await broker.GetAsync("v2/positions")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Clearing_faults_disarms_them()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.PostAsync("_paper/faults", """{"server_error_next":5,"latency_ms":10}""");

        var cleared = await broker.DeleteAsync("_paper/faults");

        Assert.Equal(0, cleared.Body.GetProperty("server_error_next").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await broker.GetAsync("v2/clock")).Status);
    }
}
