using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class ClockContractTests
{
    [Fact]
    public async Task Clock_reports_the_session_in_new_york_time()
    {
        await using var broker = await TestBroker.StartAsync(o => o.MarketAlwaysOpen = false);

        var reply = await broker.GetAsync("v2/clock");

        // 2026-11-24 15:00Z is a Tuesday, 10:00 in New York: inside the 09:30-16:00 session.
        Assert.True(reply.Body.GetProperty("is_open").GetBoolean());
        Assert.StartsWith("2026-11-24T10:00:00", reply.Str("timestamp"), StringComparison.Ordinal);
        Assert.EndsWith("-05:00", reply.Str("timestamp"), StringComparison.Ordinal);
        Assert.StartsWith("2026-11-24T16:00:00", reply.Str("next_close"), StringComparison.Ordinal);
        Assert.StartsWith("2026-11-25T09:30:00", reply.Str("next_open"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_is_closed_after_the_close_when_hours_are_simulated()
    {
        await using var broker = await TestBroker.StartAsync(o => o.MarketAlwaysOpen = false);
        broker.Host.Advance(TimeSpan.FromHours(7)); // 17:00 New York

        var reply = await broker.GetAsync("v2/clock");

        Assert.False(reply.Body.GetProperty("is_open").GetBoolean());
        Assert.StartsWith("2026-11-25T16:00:00", reply.Str("next_close"), StringComparison.Ordinal);
    }
}
