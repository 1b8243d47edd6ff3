using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca.Http;

namespace PositionManager.Alpaca.Tests;

public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void No_sixty_seconds_ever_see_more_requests_than_the_budget()
    {
        // Random arrival times (seeded: the same run every time), greedy callers that take every
        // token they can: every window, wherever it starts, stays within the limit.
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 7, window: Minute);
        var random = new Random(20261124);
        var granted = new List<DateTimeOffset>();
        for (var step = 0; step < 3_000; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 4_000)));
            var burst = random.Next(1, 10);
            for (var i = 0; i < burst && budget.TryTake(out _); i++)
            {
                granted.Add(clock.GetUtcNow());
            }
        }

        var busiest = granted.Max(t => granted.Count(u => u >= t && u < t + Minute));
        Assert.Equal(7, busiest); // at the limit, never past it
        Assert.True(granted.Count > 7 * (clock.GetUtcNow() - Start).TotalMinutes * 0.8, "the budget must not starve callers either");
    }

    [Fact]
    public async Task A_call_past_the_budget_waits_exactly_until_a_token_comes_back()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 3, window: Minute);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(budget.AcquireAsync(CancellationToken.None).IsCompletedSuccessfully);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var fourth = budget.AcquireAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(29)); // 15:00:59: the first token is still out
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1)); // 15:01:00: it comes back
        await fourth.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Waiting_for_a_token_is_cancellable()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock, limit: 1, window: Minute);
        await budget.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var second = budget.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void A_server_pause_holds_every_call_until_its_reset_and_no_longer_than_a_window()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new RequestBudget(clock);
        budget.PauseUntil(Start.AddSeconds(42));

        Assert.False(budget.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromSeconds(42), wait);

        budget.PauseUntil(Start.AddHours(3)); // a skewed server clock
        Assert.False(budget.TryTake(out wait));
        Assert.Equal(Minute, wait);
        clock.Advance(Minute);
        Assert.True(budget.TryTake(out _));
    }
}
