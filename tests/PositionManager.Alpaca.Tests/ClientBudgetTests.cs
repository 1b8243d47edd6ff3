using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Tests.Support;

namespace PositionManager.Alpaca.Tests;

public sealed class ClientBudgetTests
{
    [Fact]
    public async Task The_client_waits_for_its_budget_instead_of_earning_a_429()
    {
        // Broker and client both allow 5 requests a minute, each on its own manual clock, both at 15:00:00.
        await using var broker = await TestBroker.StartAsync(o => o.RateLimitPerMinute = 5);
        var clock = new FakeTimeProvider(TestBroker.Start);
        var client = broker.Client(time: clock, budget: new RequestBudget(clock, limit: 5));
        for (var i = 0; i < 5; i++)
        {
            var listed = await client.ListPositionsAsync(CancellationToken.None);
            Assert.True(listed.IsSuccess, listed.Failure?.Message);
        }

        var sixth = client.ListPositionsAsync(CancellationToken.None);
        Assert.False(sixth.IsCompleted);
        broker.Clock.Advance(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        var answered = await sixth.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(answered.IsSuccess, answered.Failure?.Message);
    }
}
