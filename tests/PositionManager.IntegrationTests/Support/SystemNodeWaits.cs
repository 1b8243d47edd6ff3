using Akka.Actor;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Domain.Positions;

namespace PositionManager.IntegrationTests.Support;

/// <summary>What the end-to-end tests over a <see cref="SystemNode"/> wait on, instead of sleeping.</summary>
public static class SystemNodeWaits
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<PositionState> PositionStateAsync(this SystemNode node, string symbol) =>
        (await node.Region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(symbol), Patience)).State;

    public static Task ExpectPositionStateAsync(this SystemNode node, string symbol, Func<PositionState, bool> expected) =>
        Eventually.AssertAsync(async () => Assert.True(expected(await node.PositionStateAsync(symbol)), $"state is {await node.PositionStateAsync(symbol)}"), Patience);

    /// <summary>
    /// Polls never overlap, so the second poll completed after now asked the broker after now.
    /// With <paramref name="orFeedIdle"/>, a feed that watches nothing (its positions closed
    /// meanwhile) also ends the wait: it polls no more.
    /// </summary>
    public static async Task AfterTwoMorePollsAsync(this SystemNode node, bool orFeedIdle = false)
    {
        var feed = node.PriceFeed ?? throw new InvalidOperationException("the node runs no price feed");
        var now = (await feed.Ask<PriceFeedProtocol.PriceFeedStatus>(PriceFeedProtocol.GetFeedStatus.Instance, Patience)).PollsCompleted;
        await Eventually.AssertAsync(
            async () =>
            {
                var status = await feed.Ask<PriceFeedProtocol.PriceFeedStatus>(PriceFeedProtocol.GetFeedStatus.Instance, Patience);
                Assert.True(status.PollsCompleted >= now + 2 || (orFeedIdle && status.Symbols.Count == 0));
            },
            Patience);
    }
}
