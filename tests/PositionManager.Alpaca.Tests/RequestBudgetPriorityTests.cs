using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca.Http;

namespace PositionManager.Alpaca.Tests;

/// <summary>Exits first, and never past what the server's X-RateLimit-* headers allow.</summary>
public sealed class RequestBudgetPriorityTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_background_read_waits_until_urgent_requests_have_been_quiet_for_a_second()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 10, window: Minute);
        Assert.True(budget.TryTake(out _, RequestPriority.Urgent));

        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.False(budget.TryTake(out var wait, RequestPriority.Background));
        Assert.Equal(TimeSpan.FromMilliseconds(600), wait);
        Assert.True(budget.TryTake(out _, RequestPriority.Urgent));

        clock.Advance(RequestBudget.UrgentQuiet);
        Assert.True(budget.TryTake(out _, RequestPriority.Background));
    }

    [Fact]
    public async Task A_token_that_comes_back_goes_to_the_waiting_submit_not_to_the_background_read()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 1, window: Minute);
        await budget.AcquireAsync(RequestPriority.Urgent, CancellationToken.None);
        var submit = budget.AcquireAsync(RequestPriority.Urgent, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(30)); // the first token is back
        Assert.False(budget.TryTake(out _, RequestPriority.Background)); // the submit waits: the token is its own
        await submit.WaitAsync(TimeSpan.FromSeconds(20));

        clock.Advance(Minute);
        Assert.True(budget.TryTake(out _, RequestPriority.Background));
    }

    [Fact]
    public void Until_the_reset_no_more_requests_leave_than_the_server_said_remain()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 200, window: Minute);

        budget.Observe(limit: 200, remaining: 2, reset: Start.AddSeconds(30));

        Assert.True(budget.TryTake(out _));
        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(budget.TryTake(out _));
    }

    [Fact]
    public void A_late_answer_from_earlier_in_the_window_does_not_raise_what_remains()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 200, window: Minute);
        var reset = Start.AddSeconds(30);

        budget.Observe(limit: 200, remaining: 1, reset);
        budget.Observe(limit: 200, remaining: 5, reset);

        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out _));
    }

    [Fact]
    public void Requests_still_in_flight_are_counted_against_what_the_server_said_remains()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 200, window: Minute);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(budget.TryTake(out _));
        }

        // The first of the three is answered: 3 remain at the server, but the other two may not be counted there yet.
        budget.Observe(limit: 200, remaining: 3, reset: Start.AddSeconds(30));
        budget.Finished();

        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out _));
    }

    [Fact]
    public void The_servers_limit_becomes_the_budgets_own()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 2, window: Minute);

        budget.Observe(limit: 4, remaining: null, reset: null);

        Assert.Equal(4, budget.Limit);
        Assert.Equal(4, Enumerable.Range(0, 6).Count(attempt => budget.TryTake(out _)));
    }

    [Fact]
    public void A_reset_beyond_one_window_from_a_skewed_server_clock_holds_for_one_window_at_most()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 200, window: Minute);

        budget.Observe(limit: 200, remaining: 0, reset: Start.AddHours(1));

        Assert.False(budget.TryTake(out var wait));
        Assert.Equal(Minute, wait);
    }
}
