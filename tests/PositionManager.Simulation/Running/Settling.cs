using System.Text;
using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Domain.Positions;
using PositionManager.Simulation.Scenarios;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Running;

/// <summary>
/// How the runner knows the system has done what a step asks of it, without sleeping: the feed has
/// polled past the step, and neither the positions, the gateway's outbox nor the broker's order
/// log changed across another two polls.
/// </summary>
public static class Settling
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>What is still moving; two equal observations a feed poll apart mean the step has settled (a gateway waiting for a rate-limit reset waits for simulated time, which moves only at the next step).</summary>
    public sealed record Observation(string Fingerprint, int PendingExits, int OpenOrdersOfOurs);

    /// <summary>
    /// Until the feed has completed <paramref name="polls"/> more polls, each asked for at once rather
    /// than at the feed's next timer (polls never overlap, so a request during one is dropped and the
    /// next iteration asks again). Ends early when the feed watches nothing: a feed whose last position
    /// closed during the wait polls no more, which used to hold a step for the whole patience (20 s).
    /// </summary>
    /// <param name="patience">How long to wait for the polls; a feed held back by a rate-limit pause on simulated time polls only once time moves.</param>
    public static async Task AfterPollsAsync(SimWorld world, int polls, TimeSpan patience)
    {
        var feed = world.Node.PriceFeed;
        var status = await feed.Ask<PriceFeedProtocol.PriceFeedStatus>(PriceFeedProtocol.GetFeedStatus.Instance, Patience);
        var target = status.PollsCompleted + polls;
        var deadline = DateTimeOffset.UtcNow + patience;
        while (status.Positions > 0 && status.PollsCompleted < target && DateTimeOffset.UtcNow < deadline)
        {
            var answered = world.MarketData.NextAnswer;
            feed.Tell(PriceFeedInternals.Poll.Instance);
            status = await feed.Ask<PriceFeedProtocol.PriceFeedStatus>(PriceFeedProtocol.GetFeedStatus.Instance, Patience);
            if (status.PollsCompleted < target)
            {
                // The poll asked for (or the one under way, which it joined) comes back with the
                // broker's answer; the feed counts it once it has read it, so look again then.
                await PlantableMarketData.WaitAsync(answered, Max(deadline - DateTimeOffset.UtcNow, TimeSpan.Zero));
            }
        }
    }

    internal static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public static async Task<Observation> ObserveAsync(SimWorld world, Scenario scenario)
    {
        var symbols = scenario.Symbols.ToHashSet(StringComparer.Ordinal);
        var states = await StatesAsync(world, scenario);
        var gateway = await world.Node.Gateway.Ask<GatewayProtocol.GatewayStatus>(GatewayProtocol.GetStatus.Instance, Patience);
        var ours = world.Gateway.SubmitsOf(symbols).Select(s => s.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        var orders = world.Broker.Account.OrdersOf(symbols);
        var fingerprint = new StringBuilder();
        foreach (var state in states.Values)
        {
            fingerprint.Append(state.PositionId).Append(state.Status).Append(state.Quantity).Append(state.Stop)
                .Append(state.PendingExit?.ClientOrderId).Append(state.PendingExit?.FilledQuantity).Append(';');
        }

        foreach (var order in orders)
        {
            fingerprint.Append(order.ClientOrderId).Append(order.Status).Append(order.FilledQty).Append(';');
        }

        fingerprint.Append(gateway.Queued).Append(';');
        foreach (var intent in gateway.RecentIntents.Where(i => !i.IsDone))
        {
            fingerprint.Append(intent.IntentId).Append(intent.Stage).Append(';');
        }

        return new Observation(
            fingerprint.ToString(),
            states.Values.Count(s => s.PendingExit is not null),
            orders.Count(o => o.IsOpen && ours.Contains(o.ClientOrderId)));
    }

    public static async Task<IReadOnlyDictionary<string, PositionState>> StatesAsync(SimWorld world, Scenario scenario)
    {
        var views = await Task.WhenAll(scenario.Contracts.Select(c =>
            world.Node.Region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(c.Symbol), Patience)));
        return views.ToDictionary(v => v.State.PositionId, v => v.State, StringComparer.Ordinal);
    }
}
